// SPDX-License-Identifier: MIT
#include "command_specs.h"

#include <QtGlobal>

namespace quire::app {

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs = buildCommandSpecs();
    return specs;
}

const CommandSpec &commandSpec(QStringView name)
{
    for (const CommandSpec &spec : commandSpecs()) {
        if (spec.name == name)
            return spec;
    }
    qFatal("unknown command spec requested: %s", qPrintable(name.toString()));
}

} // namespace quire::app
