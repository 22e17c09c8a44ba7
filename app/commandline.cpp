// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "files/atomicfile.h"
#include "io/tracefile.h"
#include "legend.h"
#include "scenario/builtinscenarios.h"
#include "trace/trace.h"
#include "trace/tracejson.h"
#include "translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>
#include <algorithm>
#include <cstring>

namespace {
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QString formatFor(const CommandLine &o)
{
    if (!o.format.isEmpty()) return o.format.toLower();
    return QFileInfo(o.exportPath).suffix().toLower();
}

// --format, --numbers, --theme, --scale, --steps, --per-step, --captions, --predict: each checked, with the option
// named.
bool parseExportOptions(const QCommandLineParser &parser, CommandLine &out, QString *error)
{
    const QString format = formatFor(out);
    const std::optional<Export::Format> f = Export::formatFromName(format);
    if (!f && format.isEmpty() && AtomicFile::isStandardOutput(out.exportPath)) {
        *error = QCoreApplication::translate("synscope", "--export - writes to standard output: give --format (%1)")
                     .arg(Export::supportedFormatNames());
        return false;
    }
    if (!f) {
        *error = format.isEmpty()
            ? QCoreApplication::translate("synscope",
                                          "%1 has no extension to tell the format; add one or give --format (%2)")
                  .arg(out.exportPath, Export::supportedFormatNames())
            : QCoreApplication::translate("synscope", "unknown export format '%1' for %2 (supported: %3)")
                  .arg(format, out.exportPath, Export::supportedFormatNames());
        return false;
    }
    out.exportFormat = *f;
    Export::Options &o = out.exportOptions;
    if (parser.isSet(QStringLiteral("numbers"))) {
        const QString v = parser.value(QStringLiteral("numbers")).toLower();
        if (!numberStyleFromName(v, o.diagram.numbers)) {
            *error = QCoreApplication::translate("synscope", "--numbers %1: use symbolic, relative or absolute").arg(v);
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("theme"))) {
        const QString v = parser.value(QStringLiteral("theme")).toLower();
        if (v == u"light")
            o.diagram.theme = DiagramTheme::Light;
        else if (v == u"dark")
            o.diagram.theme = DiagramTheme::Dark;
        else {
            *error = QCoreApplication::translate("synscope", "--theme %1: use light or dark").arg(v);
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("scale"))) {
        bool ok = false;
        o.scale = parser.value(QStringLiteral("scale")).toDouble(&ok);
        if (!ok || !(o.scale > 0) || o.scale > 16) {
            *error = QCoreApplication::translate("synscope", "--scale %1: give a number above 0 and at most 16")
                         .arg(parser.value(QStringLiteral("scale")));
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("steps"))) {
        // Counted from 1 as the window shows them; StepRange counts from 0.
        const QString v = parser.value(QStringLiteral("steps"));
        const qsizetype colon = v.indexOf(u':');
        bool okFrom = true, okTo = true;
        const QString from = colon < 0 ? v : v.left(colon);
        const QString to = colon < 0 ? v : v.mid(colon + 1);
        const int first = from.isEmpty() ? 1 : from.toInt(&okFrom);
        const int last = to.isEmpty() ? 0 : to.toInt(&okTo);
        if (!okFrom || !okTo || first < 1 || (!to.isEmpty() && last < first)) {
            *error = QCoreApplication::translate("synscope", "--steps %1: give FROM:TO with 1 <= FROM <= TO, e.g. 1:3")
                         .arg(v);
            return false;
        }
        o.steps.first = first - 1;
        o.steps.last = to.isEmpty() ? -1 : last - 1;
    }
    o.perStep = parser.isSet(QStringLiteral("per-step"));
    if (o.perStep && !Export::isDiagramImage(out.exportFormat)) {
        *error = QCoreApplication::translate("synscope", "--per-step makes png, svg or pdf slides, not %1")
                     .arg(Export::formatName(out.exportFormat));
        return false;
    }
    o.captions = parser.isSet(QStringLiteral("captions"));
    if (o.captions && !Export::isDiagramImage(out.exportFormat)) {
        *error = QCoreApplication::translate("synscope", "--captions puts the captions in a png, svg or pdf, not %1")
                     .arg(Export::formatName(out.exportFormat));
        return false;
    }
    o.diagram.windowAlways = parser.isSet(QStringLiteral("window"));
    if (o.perStep && out.exportFormat != Export::Format::Pdf && AtomicFile::isStandardOutput(out.exportPath)) {
        *error = QCoreApplication::translate("synscope",
                                             "--per-step writes one %1 file per step, and standard output takes one "
                                             "file: give a file name (or use pdf)")
                     .arg(Export::formatName(out.exportFormat));
        return false;
    }
    o.predict = parser.isSet(QStringLiteral("predict"));
    if (o.predict && !o.perStep) {
        *error = QCoreApplication::translate(
            "synscope", "--predict puts a question slide before each step's slide: add --per-step");
        return false;
    }
    return true;
}

// Writes the export that `o` asks for, and says on stdout (stderr when the export goes to stdout) what
// was written; the exit status.
int writeExport(const Trace &trace, const CommandLine &o)
{
    QString error;
    Export::Result result;
    Export::Options options = o.exportOptions;
    options.captionText = BuiltinScenarios::captionTranslator(trace);
    if (!Export::write(trace, o.exportFormat, o.exportPath, options, &error, &result)) {
        err() << QStringLiteral("synscope: %1").arg(error) << Qt::endl;
        return 1;
    }
    // The export itself may be on standard output: then what was written is said on stderr.
    if (!result.summary.isEmpty())
        QTextStream(AtomicFile::isStandardOutput(o.exportPath) ? stderr : stdout) << result.summary << Qt::endl;
    return 0;
}

} // namespace

namespace CommandLineTool {

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "synscope", "Shows, with real Linux kernels, which socket call produces which TCP segment."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("scenario"),
         QCoreApplication::translate("synscope", "Run the built-in scenario <id>, or a scenario file, on the lab."),
         QStringLiteral("id|file")});
    parser.addOption(
        {QStringLiteral("export"),
         QCoreApplication::translate(
             "synscope",
             "Write the result to <file> (- for standard output, with --format) and exit, without a window."),
         QStringLiteral("file")});
    parser.addOption({QStringLiteral("format"),
                      QCoreApplication::translate("synscope", "Export format (default: from the file's extension): %1.")
                          .arg(Export::supportedFormatNames()),
                      QStringLiteral("format")});
    parser.addOption({QStringLiteral("numbers"),
                      QCoreApplication::translate(
                          "synscope", "Sequence numbers in exports: symbolic (J, K+1; default), relative or absolute."),
                      QStringLiteral("style")});
    parser.addOption({QStringLiteral("theme"),
                      QCoreApplication::translate(
                          "synscope", "Colours of exported images: light (default, for projectors) or dark."),
                      QStringLiteral("theme")});
    parser.addOption({QStringLiteral("scale"),
                      QCoreApplication::translate(
                          "synscope", "PNG pixels per diagram pixel, e.g. 2 or 4 for sharp slides (default 1)."),
                      QStringLiteral("n")});
    parser.addOption(
        {QStringLiteral("steps"),
         QCoreApplication::translate(
             "synscope",
             "Export only steps FROM to TO (counted from 1; FROM: or :TO leave one end open). A recorded scenario's "
             "steps are its own; otherwise a step is a row of the diagram."),
         QStringLiteral("from:to")});
    parser.addOption(
        {QStringLiteral("per-step"),
         QCoreApplication::translate(
             "synscope",
             "Slide build: one PNG/SVG file or PDF page per step, all the same size; a scenario's slides carry its "
             "captions.")});
    parser.addOption(
        {QStringLiteral("predict"),
         QCoreApplication::translate(
             "synscope",
             "With --per-step: before each step's slide, a question slide with that step's segments unlabelled.")});
    parser.addOption(
        {QStringLiteral("captions"),
         QCoreApplication::translate(
             "synscope",
             "Images: the steps' captions as a numbered list beside the figure, each level with its step; with "
             "--per-step, rows get captions too.")});
    parser.addOption(
        {QStringLiteral("window"),
         QCoreApplication::translate(
             "synscope",
             "Every segment's label says the window it advertises (default: only a zero window, its reopening and "
             "window probes).")});
    parser.addOption(
        {QStringLiteral("list-scenarios"), QCoreApplication::translate("synscope", "List the built-in scenarios.")});
    parser.addOption({QStringLiteral("lecture"),
                      QCoreApplication::translate(
                          "synscope", "Open in lecture mode: full screen, diagram and caption only (Esc leaves).")});
    parser.addOption(
        {QStringLiteral("legend"),
         QCoreApplication::translate(
             "synscope", "With --export: write the legend (what boxes, arrows, heads and marks mean) as an image.")});
    parser.addOption(
        {QStringLiteral("ip"),
         QCoreApplication::translate("synscope",
                                     "The lab's IP version, 4 or 6 (default: the window's last choice, else 4; a "
                                     "scenario with its own \"ip\" keeps it)."),
         QStringLiteral("version")});
    parser.addOption(
        {QStringLiteral("stream"),
         QCoreApplication::translate(
             "synscope", "The TCP connection of a capture to show: Wireshark's tcp.stream number (default 0)."),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("language"),
                      QCoreApplication::translate("synscope",
                                                  "The language of the window and its messages: %1 (default: the "
                                                  "system's, where there is a translation, else en).")
                          .arg(Translations::available().join(QStringLiteral(", "))),
                      QStringLiteral("lang")});
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("synscope", "A saved trace (.json) or a capture (.pcap, .pcapng) to open."),
        QStringLiteral("[file]"));
}

bool parse(const QCommandLineParser &parser, CommandLine &out, QString *error)
{
    out.scenario = parser.value(QStringLiteral("scenario"));
    out.exportPath = parser.value(QStringLiteral("export"));
    // Before anything else: an empty name would otherwise mean "no export" and open a window.
    if (parser.isSet(QStringLiteral("export")) && out.exportPath.isEmpty()) {
        *error = QCoreApplication::translate(
            "synscope", "--export needs a file name (or - for standard output), and got an empty one");
        return false;
    }
    out.format = parser.value(QStringLiteral("format"));
    out.listScenarios = parser.isSet(QStringLiteral("list-scenarios"));
    out.lecture = parser.isSet(QStringLiteral("lecture"));
    out.legend = parser.isSet(QStringLiteral("legend"));
    if (out.legend
        && (out.exportPath.isEmpty() || !out.scenario.isEmpty() || !parser.positionalArguments().isEmpty())) {
        *error = QCoreApplication::translate(
            "synscope", "--legend writes the legend alone: give --export FILE and no scenario or file");
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        *error = QCoreApplication::translate("synscope", "only one file can be opened, got %1").arg(positional.size());
        return false;
    }
    out.openPath = positional.value(0);
    if (parser.isSet(QStringLiteral("ip"))) {
        const QString ip = parser.value(QStringLiteral("ip"));
        if (ip != u"4" && ip != u"6") {
            *error = QCoreApplication::translate("synscope", "--ip takes 4 or 6, not '%1'").arg(ip);
            return false;
        }
        out.ipVersion = ip.toInt();
    }
    if (parser.isSet(QStringLiteral("stream"))) {
        bool ok = false;
        out.stream = parser.value(QStringLiteral("stream")).toInt(&ok);
        if (!ok || out.stream < 0) {
            *error = QCoreApplication::translate("synscope", "--stream takes a tcp.stream number (0, 1, ...), not '%1'")
                         .arg(parser.value(QStringLiteral("stream")));
            return false;
        }
        // A look at the file's first bytes, without blocking (standard input is looked at when read).
        TraceFile file;
        QString why;
        if (out.openPath.isEmpty() || (out.openPath != u"-" && (!file.open(out.openPath, &why) || !file.isCapture()))) {
            *error = QCoreApplication::translate("synscope", "--stream needs a capture file (pcap or pcapng) to open")
                + (why.isEmpty() ? QString() : QStringLiteral(": ") + why);
            return false;
        }
    }
    if (!out.exportPath.isEmpty() && out.scenario.isEmpty() && out.openPath.isEmpty() && !out.legend) {
        *error = QCoreApplication::translate("synscope", "--export needs --scenario ID or a trace file to export");
        return false;
    }
    if (!out.scenario.isEmpty() && !BuiltinScenarios::load(out.scenario, out.loadedScenario, error)) return false;
    if (!out.exportPath.isEmpty() && !parseExportOptions(parser, out, error)) return false;
    return true;
}

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--export") || !std::strncmp(argv[i], "--export=", 9)
            || !std::strcmp(argv[i], "--list-scenarios") || !std::strcmp(argv[i], "--help")
            || !std::strcmp(argv[i], "-h") || !std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v"))
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
    if (o.legend) {
        Legend::build(trace);
    } else if (!o.openPath.isEmpty()) {
        // The first bytes decide the reader, never the name; no FIFO or device, limits as it reads.
        // The window opens files the same way; here --stream (or the first) is the connection.
        TraceFile file;
        const auto stream = [&o](const std::vector<Conversation> &, QString *) { return std::max(o.stream, 0); };
        if (!file.read(o.openPath, trace, stream, &error)) {
            err() << QStringLiteral("synscope: %1").arg(error) << Qt::endl;
            return 1;
        }
        // A capture shown in part: what was left out, one line per kind (the export goes on, exit 0).
        for (const QString &note : trace.info().importNotes)
            err() << QStringLiteral("synscope: %1: %2").arg(file.name(), note) << Qt::endl;
        if (o.stream >= 0 && !file.isCapture()) {
            err() << QCoreApplication::translate(
                         "synscope", "synscope: --stream needs a capture file (pcap or pcapng); %1 is a trace")
                         .arg(file.name())
                  << Qt::endl;
            return 1;
        }
    } else {
        const auto note = [](const QString &message) {
            err() << QStringLiteral("synscope: %1").arg(message) << Qt::endl;
        };
        const LabRun ran = runOnLab(trace, o, note, &error);
        if (ran == LabRun::Failed) {
            err() << QCoreApplication::translate("synscope", "synscope: scenario %1: %2").arg(o.scenario, error)
                  << Qt::endl;
            return 1;
        }
        if (ran == LabRun::Refused) {
            // As the window does: a built-in scenario still has its recording, made on real kernels
            // and shipped with SynScope. Exported as it is, with one line that says so.
            const QString why = error;
            const QString recording = BuiltinScenarios::recordingPath(o.scenario);
            TraceFile file;
            if (recording.isEmpty() || !file.read(recording, trace, {}, &error)) {
                err() << QCoreApplication::translate("synscope", "synscope: the lab cannot run here: %1").arg(why)
                      << Qt::endl;
                return 1;
            }
            err() << QCoreApplication::translate(
                         "synscope",
                         "synscope: exporting %2 as recorded on Linux %3 at %4 UTC — live lab unavailable here: %1")
                         .arg(why, o.scenario, trace.info().kernel,
                              trace.info().wallClockOrigin.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                  << Qt::endl;
        }
    }
    return writeExport(trace, o);
}

} // namespace CommandLineTool
