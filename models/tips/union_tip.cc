#include <deal.II/base/utilities.h>

#include <models/tips/sdf_primitives.h>
#include <models/tips/union_tip.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace FasciaFE
{
  namespace Tips
  {
    namespace
    {
      /** Name of the subsection of tip k (1-based). */
      std::string
      tip_section(const unsigned int k)
      {
        return "Tip " + std::to_string(k);
      }

      /** The registered shapes a union may contain: all but itself. */
      std::vector<std::string>
      member_shapes()
      {
        std::vector<std::string> names = TipRegistry::instance().names();
        names.erase(std::remove(names.begin(), names.end(), "union"),
                    names.end());
        return names;
      }
    } // namespace



    UnionTip::UnionTip(ParameterHandler &prm)
    {
      const unsigned int n = prm.get_integer("Number of tips");
      for (unsigned int k = 1; k <= n; ++k)
        {
          prm.enter_subsection(tip_section(k));
          const std::string         shape  = prm.get("Shape");
          const std::vector<double> offset = Utilities::string_to_double(
            Utilities::split_string_list(prm.get("Offset")));
          try
            {
              tips.push_back(TipRegistry::instance().create(shape, prm));
            }
          catch (const InputError &e)
            {
              prm.leave_subsection();
              throw InputError(tip_section(k) + "/" + shape + ": " + e.what());
            }
          TipRotation rotation;
          try
            {
              rotation.parse_parameters(prm, tip_section(k) + "/Rotation axis");
            }
          catch (const InputError &)
            {
              prm.leave_subsection();
              throw;
            }
          prm.leave_subsection();
          offsets.emplace_back(Tensor<1, 3>({offset[0], offset[1], offset[2]}));
          rotations.push_back(rotation);
        }
      check_offsets();
    }



    UnionTip::UnionTip(std::vector<std::unique_ptr<Tip>> tips,
                       const std::vector<Tensor<1, 3>>  &offsets,
                       const std::vector<TipRotation>   &rotations)
      : tips(std::move(tips))
      , offsets(offsets)
      , rotations(rotations)
    {
      if (this->rotations.empty())
        this->rotations.resize(this->tips.size());
      check_input(!this->tips.empty() &&
                    this->tips.size() == this->offsets.size() &&
                    this->tips.size() == this->rotations.size(),
                  "Number of tips of the union must be at least 1, with one "
                  "offset (and rotation, if any) per tip");
      check_offsets();
    }



    void
    UnionTip::check_offsets() const
    {
      double lowest = std::numeric_limits<double>::max();
      for (unsigned int k = 0; k < offsets.size(); ++k)
        {
          check_input(offsets[k][2] >= 0.,
                      tip_section(k + 1) + "/Offset z (" +
                        length_to_string(offsets[k][2]) +
                        ") of the union must not be negative: the union's "
                        "lowest point is at z = 0");
          lowest = std::min(lowest, offsets[k][2]);
        }
      check_input(lowest == 0.,
                  "Offset z of the union's tips: the smallest (" +
                    length_to_string(lowest) +
                    ") must be 0, so that the union touches z = 0");
    }



    void
    UnionTip::declare_parameters(ParameterHandler &prm)
    {
      const TipRegistry &registry = TipRegistry::instance();
      std::string        selection;
      for (const std::string &name : member_shapes())
        selection += (selection.empty() ? "" : "|") + name;

      prm.declare_entry(
        "Number of tips",
        "2",
        Patterns::Integer(1, max_tips),
        "Number N [-] of tips in the union (at most 4); tip k is "
        "set in the subsection Tip k.");
      for (unsigned int k = 1; k <= max_tips; ++k)
        {
          prm.enter_subsection(tip_section(k));
          prm.declare_entry("Shape",
                            "sphere",
                            Patterns::Selection(selection),
                            "Shape of this tip (any registered tip but "
                            "union); its parameters are in the subsection of "
                            "the same name below.");
          prm.declare_entry("Offset",
                            (k == 1 ? "-0.015, 0, 0" :
                             k == 2 ? "0.015, 0, 0" :
                                      "0, 0, 0"),
                            Patterns::List(Patterns::Double(), 3, 3, ","),
                            "Position x, y, z [m] of this tip's apex relative "
                            "to the union's apex; z >= 0, the smallest z of "
                            "the union must be 0. Default: two balls 30 mm "
                            "apart (assumption).");
          TipRotation::declare_parameters(prm, "this tip");
          for (const std::string &name : member_shapes())
            {
              prm.enter_subsection(name);
              registry.get(name).declare(prm);
              prm.leave_subsection();
            }
          prm.leave_subsection();
        }
    }



    double
    UnionTip::signed_distance(const Point<3>        &x,
                              Tensor<1, 3>          *gradient,
                              SymmetricTensor<2, 3> *hessian) const
    {
      unsigned int active = 0;
      double       phi    = std::numeric_limits<double>::max();
      for (unsigned int k = 0; k < tips.size(); ++k)
        {
          const double phi_k =
            rotations[k].signed_distance(*tips[k], Point<3>(x - offsets[k]));
          if (phi_k < phi)
            {
              phi    = phi_k;
              active = k;
            }
        }
      if (gradient == nullptr && hessian == nullptr)
        return phi;
      return rotations[active].signed_distance(*tips[active],
                                               Point<3>(x - offsets[active]),
                                               gradient,
                                               hessian);
    }



    bool
    UnionTip::is_axisymmetric() const
    {
      return tips.size() == 1 && offsets[0][0] == 0. && offsets[0][1] == 0. &&
             tips[0]->is_axisymmetric() && rotations[0].keeps_axis(2);
    }



    double
    UnionTip::lateral_extent() const
    {
      double extent = 0.;
      for (unsigned int k = 0; k < tips.size(); ++k)
        extent = std::max(extent,
                          std::hypot(offsets[k][0], offsets[k][1]) +
                            tips[k]->lateral_extent());
      return extent;
    }



    FASCIAFE_REGISTER_TIP(UnionTip,
                          "union",
                          "Union of up to 4 registered tips at offsets (two "
                          "balls, two thumbs): phi = min_k phi_k.")
  } // namespace Tips
} // namespace FasciaFE
