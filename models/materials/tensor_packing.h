#pragma once

#include <deal.II/base/array_view.h>
#include <deal.II/base/symmetric_tensor.h>

namespace FasciaFE
{
  /**
   * Symmetric 3x3 tensors stored in a material point's history array as
   * their 6 independent entries (deal.II's raw order xx, yy, zz, xy, xz,
   * yz), starting at @p offset.
   */
  inline dealii::SymmetricTensor<2, 3>
  unpack_symmetric(const dealii::ArrayView<const double> &h,
                   const unsigned int                     offset)
  {
    dealii::SymmetricTensor<2, 3> t;
    for (unsigned int k = 0; k < 6; ++k)
      t.access_raw_entry(k) = h[offset + k];
    return t;
  }

  inline void
  pack_symmetric(const dealii::SymmetricTensor<2, 3> &t,
                 const dealii::ArrayView<double>     &h,
                 const unsigned int                   offset)
  {
    for (unsigned int k = 0; k < 6; ++k)
      h[offset + k] = t.access_raw_entry(k);
  }
} // namespace FasciaFE
