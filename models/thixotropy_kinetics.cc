#include <models/thixotropy_kinetics.h>
#include <solver/exceptions.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace FasciaFE
{
  ThixotropyKinetics::ThixotropyKinetics(const double k_build,
                                         const double k_break,
                                         const double n,
                                         const double m,
                                         const double threshold)
    : k_build(k_build)
    , k_break(k_break)
    , n(n)
    , m(m)
    , threshold(threshold)
  {
    check();
  }



  void
  ThixotropyKinetics::declare_parameters(dealii::ParameterHandler &prm)
  {
    using dealii::Patterns::Double;
    const std::string assumed =
      " ASSUMPTION: no thixotropy rate constants of fascia have been "
      "measured (physics.md section 3); calibrate it.";
    prm.declare_entry("Build-up rate",
                      "0.0166667",
                      Double(0.),
                      "k_build in d lambda/dt = k_build (1 - lambda)^n - "
                      "k_break lambda D^m [1/s], >= 0. Default: recovery "
                      "over minutes at rest (Schleip12, qualitative)." +
                        assumed);
    prm.declare_entry("Breakdown rate",
                      "0.0333333",
                      Double(0.),
                      "k_break [1/s], >= 0. Default: release within 1-3 "
                      "min at D = 1 (the clinical claim to be tested, "
                      "physics.md section 6)." +
                        assumed);
    prm.declare_entry("Build-up exponent",
                      "1",
                      Double(0.),
                      "n [-], > 0 (1: Moore)." + assumed);
    prm.declare_entry("Breakdown exponent",
                      "1",
                      Double(0.),
                      "m [-], > 0 (1: Moore)." + assumed);
    prm.declare_entry("Driver threshold",
                      "0",
                      Double(0.),
                      "D_th [-], >= 0: the kinetics see the overstress "
                      "<D - D_th> = max(0, D - D_th), so D below the "
                      "threshold breaks nothing and the rate stays "
                      "continuous in D (which keeps Newton quadratic)." +
                        assumed);
  }



  void
  ThixotropyKinetics::parse_parameters(dealii::ParameterHandler &prm)
  {
    k_build   = prm.get_double("Build-up rate");
    k_break   = prm.get_double("Breakdown rate");
    n         = prm.get_double("Build-up exponent");
    m         = prm.get_double("Breakdown exponent");
    threshold = prm.get_double("Driver threshold");
    check();
  }



  void
  ThixotropyKinetics::check() const
  {
    auto require = [](const bool         ok,
                      const std::string &name,
                      const double       v,
                      const std::string &what) {
      std::ostringstream msg;
      msg << name << " must be " << what << " (got " << v << ")";
      check_input(ok, msg.str());
    };
    require(k_build >= 0., "Build-up rate", k_build, ">= 0 1/s");
    require(k_break >= 0., "Breakdown rate", k_break, ">= 0 1/s");
    require(n > 0., "Build-up exponent", n, "> 0");
    require(m > 0., "Breakdown exponent", m, "> 0");
    require(threshold >= 0., "Driver threshold", threshold, ">= 0");
  }



  double
  ThixotropyKinetics::effective_driver(const double D) const
  {
    return std::max(D - threshold, 0.);
  }



  double
  ThixotropyKinetics::rate(const double lambda, const double D) const
  {
    return k_build * std::pow(1. - lambda, n) -
           k_break * lambda * std::pow(effective_driver(D), m);
  }



  double
  ThixotropyKinetics::update(const double lambda_old,
                             const double D,
                             const double dt) const
  {
    const double b = dt * k_break * std::pow(effective_driver(D), m);
    const double a = dt * k_build;
    // r(x) = x - lambda_old - a (1 - x)^n + b x: increasing, r(0) <= 0,
    // r(1) >= 0. Safeguarded Newton on the bracket [lo, hi].
    auto r = [&](const double x) {
      return x - lambda_old - a * std::pow(1. - x, n) + b * x;
    };
    double lo = 0., hi = 1.;
    double x = n == 1. ? (lambda_old + a) / (1. + a + b) : lambda_old;
    if (n == 1.)
      return std::clamp(x, 0., 1.);
    for (unsigned int it = 0; it < 100; ++it)
      {
        const double f = r(x);
        if (std::abs(f) < 1e-15)
          break;
        (f > 0. ? hi : lo) = x;
        const double df =
          1. + a * n * std::pow(std::max(1. - x, 1e-300), n - 1.) + b;
        double next = x - f / df;
        if (!(next > lo && next < hi))
          next = 0.5 * (lo + hi);
        if (std::abs(next - x) < 1e-16)
          break;
        x = next;
      }
    return std::clamp(x, 0., 1.);
  }
} // namespace FasciaFE
