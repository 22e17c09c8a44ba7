// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/export.h"
#include "scenario/scenario.h"

#include <QCommandLineParser>
#include <QStringList>
#include <functional>

class Trace;

// The options of synscope's command line, and the headless work it does without a window.
struct CommandLine {
    QString scenario;
    Scenario loadedScenario; // --scenario, read once while the options are checked ("-" can be read once only)
    QString exportPath;
    QString format;
    QString openPath;
    int stream = -1; // --stream: the capture's TCP connection (tcp.stream); -1 = the default (0)
    bool listScenarios = false;
    Export::Format exportFormat = Export::Format::Json; // from --format or the extension
    Export::Options exportOptions; // --numbers, --theme, --scale, --steps, --per-step, --predict
    bool lecture = false; // open straight into lecture mode (full screen)
    bool legend = false; // --legend: export how to read the diagram instead of a trace
    int ipVersion = 0; // --ip: 4 or 6; 0 when not given (a headless run uses 4, the window its setting)

    bool isHeadless() const { return listScenarios || !exportPath.isEmpty(); }
};

namespace CommandLineTool {
void addOptions(QCommandLineParser &parser);
// False with *error set when the options do not fit together.
bool parse(const QCommandLineParser &parser, CommandLine &out, QString *error);
// Quick look at argv before any QApplication exists: does this run need no window?
bool wantsHeadless(int argc, char **argv);
// Runs the headless work; returns the exit status (messages on stdout/stderr).
int run(const CommandLine &options);

// Runs options.loadedScenario on a fresh lab into `trace`, handing each unmet expectation to `note`:
// Done, Failed (*message: why it stopped) or Refused (*message: why no lab runs here, and a built-in
// scenario's bundled recording is exported instead). commandlinelab.cpp, or commandlinenolab.cpp in a
// build without the lab, where it is always Refused.
enum class LabRun { Done, Failed, Refused };
LabRun runOnLab(Trace &trace, const CommandLine &options, const std::function<void(const QString &)> &note,
                QString *message);
} // namespace CommandLineTool
