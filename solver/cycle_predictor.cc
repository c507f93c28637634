#include <solver/cycle_predictor.h>

#include <algorithm>
#include <cmath>

namespace FasciaFE
{
  double
  next_cycle_point(const Protocol::Phase &phase,
                   const double           t,
                   const double           max_dt)
  {
    Assert(phase.frequency > 0., ExcMessage("not a cyclic phase"));
    Assert(max_dt > 0., ExcMessage("the maximum time step must be > 0"));
    const double n =
      std::max(1., std::ceil(1. / (phase.frequency * max_dt) - 1e-9));
    const double points = (t - phase.t_start) * phase.frequency * n;
    const double j      = std::floor(points + 1e-9) + 1.;
    return std::min(phase.t_start + j / (phase.frequency * n), phase.t_end);
  }



  long
  CyclePredictor::key(const Protocol::Phase &phase, const double t)
  {
    if (phase.frequency <= 0.)
      return -1;
    const double cycles = (t - phase.t_start) * phase.frequency;
    const long   micro  = std::lround((cycles - std::floor(cycles)) * 1e6);
    return micro % 1000000;
  }



  const PETScWrappers::MPI::Vector *
  CyclePredictor::lookup(const Protocol    &protocol,
                         const unsigned int k,
                         const double       t)
  {
    if (k != phase)
      return nullptr;
    const auto it = fields.find(key(protocol.phases[k], t));
    return it == fields.end() ? nullptr : &it->second;
  }



  void
  CyclePredictor::store(const Protocol                   &protocol,
                        const unsigned int                k,
                        const double                      t,
                        const PETScWrappers::MPI::Vector &u)
  {
    const long point = key(protocol.phases[k], t);
    if (k != phase ||
        (!fields.empty() && fields.begin()->second.size() != u.size()))
      fields.clear();
    phase = k;
    if (point < 0)
      return;
    // Steps cut back off the regular points add keys that never recur.
    if (fields.size() >= 256 && fields.find(point) == fields.end())
      fields.clear();
    fields[point] = u;
  }
} // namespace FasciaFE
