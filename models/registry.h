#pragma once

#include <deal.II/base/parameter_handler.h>

#include <solver/exceptions.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace FasciaFE
{
  /**
   * A registry of plugins (material models, tips) in the style of ASPECT:
   * each plugin registers itself from its own source file with a name, a
   * one-line description, a function that declares its parameters (inside a
   * subsection named after the plugin) and a factory that builds it from a
   * ParameterHandler positioned inside that subsection. Adding a plugin
   * therefore touches only its own files.
   */
  template <typename Base>
  class PluginRegistry
  {
  public:
    using Declare = std::function<void(dealii::ParameterHandler &)>;
    using Create =
      std::function<std::unique_ptr<Base>(dealii::ParameterHandler &)>;

    struct Entry
    {
      std::string name;
      std::string description;
      Declare     declare;
      Create      create;
    };

    static PluginRegistry &
    instance()
    {
      static PluginRegistry registry;
      return registry;
    }

    bool
    add(const std::string &name,
        const std::string &description,
        const Declare     &declare,
        const Create      &create)
    {
      entries[name] = Entry{name, description, declare, create};
      return true;
    }

    /** Names joined by '|' for a Patterns::Selection. */
    std::string
    selection() const
    {
      std::string s;
      for (const auto &e : entries)
        s += (s.empty() ? "" : "|") + e.first;
      return s;
    }

    std::vector<std::string>
    names() const
    {
      std::vector<std::string> n;
      for (const auto &e : entries)
        n.push_back(e.first);
      return n;
    }

    const Entry &
    get(const std::string &name) const
    {
      const auto it = entries.find(name);
      check_input(it != entries.end(),
                  "unknown plugin '" + name + "' (known: " + selection() + ")");
      return it->second;
    }

    /**
     * Declare each plugin's parameters in a subsection named after it.
     */
    void
    declare_all(dealii::ParameterHandler &prm) const
    {
      for (const auto &e : entries)
        {
          prm.enter_subsection(e.first);
          e.second.declare(prm);
          prm.leave_subsection();
        }
    }

    /**
     * Build the plugin called @p name from its subsection of @p prm.
     */
    std::unique_ptr<Base>
    create(const std::string &name, dealii::ParameterHandler &prm) const
    {
      const Entry &e = get(name);
      prm.enter_subsection(name);
      try
        {
          auto object = e.create(prm);
          prm.leave_subsection();
          return object;
        }
      catch (...)
        {
          prm.leave_subsection();
          throw;
        }
    }

  private:
    std::map<std::string, Entry> entries;
  };
} // namespace FasciaFE

/**
 * Register @p classname (with a constructor from a ParameterHandler and a
 * static declare_parameters()) under @p name in the registry of @p Base.
 * Used inside the namespace that declares the class, from its own file.
 */
#define FASCIAFE_REGISTER_PLUGIN(Base, classname, name, description) \
  namespace                                                          \
  {                                                                  \
    const bool classname##_registered =                              \
      ::FasciaFE::PluginRegistry<Base>::instance().add(              \
        name,                                                        \
        description,                                                 \
        [](dealii::ParameterHandler &prm) {                          \
          classname::declare_parameters(prm);                        \
        },                                                           \
        [](dealii::ParameterHandler &prm) {                          \
          return std::unique_ptr<Base>(new classname(prm));          \
        });                                                          \
  }
