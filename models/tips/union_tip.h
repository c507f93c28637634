#pragma once

#include <deal.II/base/parameter_handler.h>

#include <models/tip.h>
#include <models/tip_rotation.h>

#include <memory>
#include <string>
#include <vector>

namespace FasciaFE
{
  namespace Tips
  {
    /**
     * Several registered tips pressed at once (two balls, two thumbs): the
     * union of tips k = 1..N, tip k turned about its apex by Q_k (its
     * Rotation axis and Rotation angle, TipRotation) and translated so
     * that its apex is at o_k = (x_k, y_k, z_k) in the union's frame:
     *   phi(x) = min_k phi_k(Q_k^T (x - o_k)),
     * with the gradient Q_k grad phi_k and Hessian Q_k H_k Q_k^T of the
     * active (minimising) tip. Outside
     * the union this is the exact distance; inside a tip that overlaps
     * another it underestimates the depth (the nearest surface point of the
     * active tip may be covered by another). The distance is not
     * differentiable where two tips are equally near (the bisector
     * surfaces between the tips, outside the body): there the gradient
     * jumps from one tip's normal to the other's.
     *
     * The union's apex (the origin) is the reference point of the offsets.
     * Every z_k must be >= 0 and the smallest must be 0, so the union's
     * lowest point lies on z = 0 (the depth reference); the origin itself
     * is on the surface only if some tip has o_k = 0 (e.g. two balls side
     * by side at (-d, 0, 0) and (d, 0, 0) touch z = 0 at their own apexes
     * and straddle the origin, which keeps the symmetry plane x = 0).
     *
     * Parameters (subsection "union"): Number of tips (1..4) and, per tip,
     * a subsection "Tip k" with Shape (any registered tip but "union"),
     * Offset (x, y, z [m]), Rotation axis and Rotation angle [deg] and
     * the subsections of all shapes, as in the
     * subsection "Tip" itself:
     *
     *   subsection union
     *     set Number of tips = 2
     *     subsection Tip 1
     *       set Shape  = sphere
     *       set Offset = -0.015, 0, 0
     *       subsection sphere
     *         set Radius = 0.01
     *       end
     *     end
     *     subsection Tip 2
     *       ...
     */
    class UnionTip : public Tip
    {
    public:
      /** Largest number of tips in a union (declared subsections). */
      static constexpr unsigned int max_tips = 4;

      /** Build from the subsection "union" of @p prm. */
      explicit UnionTip(ParameterHandler &prm);

      /**
       * Build from tips, the offsets of their apexes [m] and their
       * rotations about them (none: the identity for all); InputError
       * unless there is at least one tip, all z offsets are >= 0 and the
       * smallest is 0.
       */
      UnionTip(std::vector<std::unique_ptr<Tip>> tips,
               const std::vector<Tensor<1, 3>>  &offsets,
               const std::vector<TipRotation>   &rotations = {});

      static void
      declare_parameters(ParameterHandler &prm);

      double
      signed_distance(const Point<3>        &x,
                      Tensor<1, 3>          *gradient = nullptr,
                      SymmetricTensor<2, 3> *hessian  = nullptr) const override;

      /** True for a single axisymmetric tip on the axis, not tilted. */
      bool
      is_axisymmetric() const override;

      /** max_k (|(x_k, y_k)| + lateral extent of tip k). */
      double
      lateral_extent() const override;

    private:
      void
      check_offsets() const;

      std::vector<std::unique_ptr<Tip>> tips;
      std::vector<Tensor<1, 3>>         offsets;
      std::vector<TipRotation>          rotations;
    };
  } // namespace Tips
} // namespace FasciaFE
