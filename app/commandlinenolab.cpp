// SPDX-License-Identifier: GPL-3.0-or-later
// The command line in a build without the lab (-DSYNSCOPE_LAB=OFF): no scenario runs live, so a
// built-in one exports its bundled recording and a scenario file of one's own says why it cannot run.
#include "commandline.h"

#include "run/session.h"

namespace CommandLineTool {

LabRun runOnLab(Trace &, const CommandLine &, const std::function<void(const QString &)> &, QString *message)
{
    *message = Session::noLabReason();
    return LabRun::Refused;
}

} // namespace CommandLineTool
