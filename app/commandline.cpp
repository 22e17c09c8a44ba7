// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "io/pcapimport.h"
#include "io/textflow.h"
#include "lab/lab.h"
#include "scenario/builtinscenarios.h"
#include "scenario/scenariorunner.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>
#include <cstring>

namespace {
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString formatFor(const CommandLine &o)
{
    if (!o.format.isEmpty())
        return o.format.toLower();
    return QFileInfo(o.exportPath).suffix().toLower();
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("synscope", "cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(bytes);
    if (!file.commit()) {
        *error = QCoreApplication::translate("synscope", "cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
}

namespace CommandLineTool {

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("synscope", "Shows, with real Linux kernels, which socket call produces which TCP segment."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("scenario"),
        QCoreApplication::translate("synscope", "Run the built-in scenario <id>, or a scenario file, on the lab."),
        QStringLiteral("id|file") });
    parser.addOption({ QStringLiteral("export"),
        QCoreApplication::translate("synscope", "Write the result to <file> and exit, without a window."), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("format"),
        QCoreApplication::translate("synscope", "Export format (default: from the file's extension): json, txt (text flow)."), QStringLiteral("format") });
    parser.addOption({ QStringLiteral("list-scenarios"), QCoreApplication::translate("synscope", "List the built-in scenarios.") });
    parser.addOption({ QStringLiteral("lecture"),
        QCoreApplication::translate("synscope", "Open in lecture mode: full screen, diagram and caption only (Esc leaves).") });
    parser.addOption({ QStringLiteral("stream"),
        QCoreApplication::translate("synscope", "The TCP connection of a capture to show: Wireshark's tcp.stream number (default 0)."),
        QStringLiteral("N") });
    parser.addPositionalArgument(QStringLiteral("file"),
        QCoreApplication::translate("synscope", "A saved trace (.json) or a capture (.pcap, .pcapng) to open."), QStringLiteral("[file]"));
}

bool parse(const QCommandLineParser &parser, CommandLine &out, QString *error)
{
    out.scenario = parser.value(QStringLiteral("scenario"));
    out.exportPath = parser.value(QStringLiteral("export"));
    out.format = parser.value(QStringLiteral("format"));
    out.listScenarios = parser.isSet(QStringLiteral("list-scenarios"));
    out.lecture = parser.isSet(QStringLiteral("lecture"));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        *error = QCoreApplication::translate("synscope", "only one file can be opened, got %1").arg(positional.size());
        return false;
    }
    out.openPath = positional.value(0);
    if (parser.isSet(QStringLiteral("stream"))) {
        bool ok = false;
        out.stream = parser.value(QStringLiteral("stream")).toInt(&ok);
        if (!ok || out.stream < 0) {
            *error = QCoreApplication::translate("synscope", "--stream takes a tcp.stream number (0, 1, ...), not '%1'")
                         .arg(parser.value(QStringLiteral("stream")));
            return false;
        }
        if (out.openPath.isEmpty() || !CaptureImport::isCapture(out.openPath)) {
            *error = QCoreApplication::translate("synscope", "--stream needs a capture file (.pcap or .pcapng) to open");
            return false;
        }
    }
    if (!out.exportPath.isEmpty() && out.scenario.isEmpty() && out.openPath.isEmpty()) {
        *error = QCoreApplication::translate("synscope", "--export needs --scenario ID or a trace file to export");
        return false;
    }
    Scenario scenario;
    if (!out.scenario.isEmpty() && !BuiltinScenarios::load(out.scenario, scenario, error))
        return false;
    if (!out.exportPath.isEmpty() && formatFor(out) != u"json" && formatFor(out) != u"txt") {
        *error = QCoreApplication::translate("synscope", "unknown export format '%1' for %2 (supported: json, txt)")
                     .arg(formatFor(out), out.exportPath);
        return false;
    }
    return true;
}

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--export") || !std::strncmp(argv[i], "--export=", 9)
            || !std::strcmp(argv[i], "--list-scenarios") || !std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")
            || !std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v"))
            return true;
    }
    return false;
}

int run(const CommandLine &o)
{
    if (o.listScenarios) {
        QTextStream out(stdout);
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list())
            out << e.id << QStringLiteral("  ") << e.title << Qt::endl;
        return 0;
    }
    Trace trace;
    QString error;
    if (!o.openPath.isEmpty()) {
        QFile file(o.openPath);
        if (CaptureImport::isCapture(o.openPath)) {
            if (!CaptureImport::open(o.openPath, o.stream, trace, &error)) {
                err() << QStringLiteral("synscope: %1").arg(error) << Qt::endl;
                return 1;
            }
        } else if (!file.open(QIODevice::ReadOnly)) {
            err() << QStringLiteral("synscope: cannot open %1: %2").arg(o.openPath, file.errorString()) << Qt::endl;
            return 1;
        } else if (!TraceJson::load(file.readAll(), trace, &error)) {
            err() << QStringLiteral("synscope: %1: %2").arg(o.openPath, error) << Qt::endl;
            return 1;
        }
    } else {
        Lab lab(&trace);
        if (!lab.start()) {
            err() << QStringLiteral("synscope: the lab cannot run here: %1").arg(lab.error().message()) << Qt::endl;
            return 1;
        }
        QEventLoop loop;
        Scenario scenario;
        if (!BuiltinScenarios::load(o.scenario, scenario, &error)) {
            err() << QStringLiteral("synscope: %1").arg(error) << Qt::endl;
            return 1;
        }
        ScenarioRunner runner(&lab, std::move(scenario));
        QObject::connect(&runner, &ScenarioRunner::expectationFailed, &loop, [](int, const QString &message) {
            err() << QStringLiteral("synscope: %1").arg(message) << Qt::endl;
        });
        bool ok = false;
        QObject::connect(&runner, &ScenarioRunner::finished, &loop, [&](bool success, const QString &message) {
            ok = success;
            error = message;
            loop.quit();
        });
        QObject::connect(&lab, &Lab::failed, &loop, [&](const QString &message) {
            error = message;
            loop.quit();
        });
        runner.runAll();
        if (!runner.isFinished())
            loop.exec();
        if (!ok) {
            err() << QStringLiteral("synscope: scenario %1: %2").arg(o.scenario, error) << Qt::endl;
            return 1;
        }
        lab.stop();
    }
    if (formatFor(o) == u"txt") {
        // Streamed: a capture's text flow can be far larger than the trace.
        QSaveFile file(o.exportPath);
        if (!file.open(QIODevice::WriteOnly) || !TextFlow::write(trace, file, &error) || !file.commit()) {
            if (error.isEmpty())
                error = QCoreApplication::translate("synscope", "cannot write %1: %2").arg(o.exportPath, file.errorString());
            err() << QStringLiteral("synscope: %1").arg(error) << Qt::endl;
            return 1;
        }
        return 0;
    }
    if (!writeAtomically(o.exportPath, TraceJson::save(trace), &error)) {
        err() << QStringLiteral("synscope: %1").arg(error) << Qt::endl;
        return 1;
    }
    return 0;
}

}
