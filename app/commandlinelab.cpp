// SPDX-License-Identifier: GPL-3.0-or-later
// The command line's run of a scenario on the lab, where the lab is built (SYNSCOPE_LAB).
#include "commandline.h"

#include "lab/lab.h"
#include "run/scenariorunner.h"
#include "trace/trace.h"

#include <QEventLoop>

namespace CommandLineTool {

LabRun runOnLab(Trace &trace, const CommandLine &o, const std::function<void(const QString &)> &note, QString *message)
{
    Lab lab(&trace);
    lab.setIpVersion(o.loadedScenario.ipVersionOr(o.ipVersion ? o.ipVersion : 4));
    if (!lab.start()) {
        *message = lab.error().message();
        return LabRun::Refused;
    }
    QEventLoop loop;
    ScenarioRunner runner(&lab, o.loadedScenario);
    QObject::connect(&runner, &ScenarioRunner::expectationFailed, &loop,
                     [&note](int, const QString &text) { note(text); });
    bool ok = false;
    QObject::connect(&runner, &ScenarioRunner::finished, &loop, [&](bool success, const QString &text) {
        ok = success;
        *message = text;
        loop.quit();
    });
    QObject::connect(&lab, &Lab::failed, &loop, [&](const QString &text) {
        *message = text;
        loop.quit();
    });
    runner.runAll();
    if (!runner.isFinished()) loop.exec();
    if (!ok) return LabRun::Failed;
    lab.stop();
    return LabRun::Done;
}

} // namespace CommandLineTool
