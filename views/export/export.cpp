// SPDX-License-Identifier: GPL-3.0-or-later
#include "export.h"

#include "diagram/diagramrenderer.h"
#include "diagramimages.h"
#include "files/atomicfile.h"
#include "io/pcapexport.h"
#include "io/sequencescript.h"
#include "io/textflow.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>

namespace Export {

namespace {

bool writeText(const QString &path, const QString &text, QString *error, Result *result)
{
    if (!AtomicFile::write(path, text.toUtf8(), error)) return false;
    result->files = {path};
    return true;
}

// The trace events the steps of `range` show, for the text diagrams (a scenario's steps are
// whole rows, so the rows give exactly its events).
SequenceScript::Options sequenceOptions(const Trace &trace, const Options &options, QString *error, bool *ok)
{
    SequenceScript::Options s;
    s.numbers = options.diagram.numbers;
    s.detail = options.diagram.showDetail;
    s.windowAlways = options.diagram.windowAlways;
    *ok = true;
    if (options.steps.first == 0 && options.steps.last < 0) return s;
    const DiagramRenderer renderer(trace, options.diagram);
    StepRange range;
    if (!DiagramImages::resolveRange(renderer, options.steps, range, error)) {
        *ok = false;
        return s;
    }
    s.firstEvent = renderer.eventOfStep(range.first);
    s.lastEvent = range.last + 1 < renderer.stepCount() ? renderer.eventOfStep(range.last + 1) - 1 : trace.size() - 1;
    return s;
}
} // namespace

QList<Format> allFormats()
{
    return {Format::Png,  Format::Svg,     Format::Pdf,      Format::Pcap,
            Format::Json, Format::Mermaid, Format::PlantUml, Format::Txt};
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Png:
        return QStringLiteral("png");
    case Format::Svg:
        return QStringLiteral("svg");
    case Format::Pdf:
        return QStringLiteral("pdf");
    case Format::Pcap:
        return QStringLiteral("pcap");
    case Format::Json:
        return QStringLiteral("json");
    case Format::Mermaid:
        return QStringLiteral("mermaid");
    case Format::PlantUml:
        return QStringLiteral("plantuml");
    case Format::Txt:
        return QStringLiteral("txt");
    }
    return {};
}

QString fileExtension(Format format)
{
    switch (format) {
    case Format::Mermaid:
        return QStringLiteral("mmd");
    case Format::PlantUml:
        return QStringLiteral("puml");
    default:
        return formatName(format);
    }
}

QString formatDescription(Format format)
{
    switch (format) {
    case Format::Png:
        return QCoreApplication::translate("Export", "PNG image");
    case Format::Svg:
        return QCoreApplication::translate("Export", "SVG vector image");
    case Format::Pdf:
        return QCoreApplication::translate("Export", "PDF document");
    case Format::Pcap:
        return QCoreApplication::translate("Export", "pcap capture (Wireshark)");
    case Format::Json:
        return QCoreApplication::translate("Export", "SynScope trace");
    case Format::Mermaid:
        return QCoreApplication::translate("Export", "Mermaid sequence diagram");
    case Format::PlantUml:
        return QCoreApplication::translate("Export", "PlantUML sequence diagram");
    case Format::Txt:
        return QCoreApplication::translate("Export", "Plain-text flow");
    }
    return {};
}

bool isDiagramImage(Format format)
{
    return format == Format::Png || format == Format::Svg || format == Format::Pdf;
}

QString supportedFormatNames()
{
    QStringList names;
    for (Format f : allFormats())
        names << formatName(f);
    return names.join(QStringLiteral(", "));
}

std::optional<Format> formatFromName(QString name)
{
    name = name.trimmed().toLower();
    if (name.startsWith(u'.')) name.remove(0, 1);
    // A whole file name: take its extension.
    if (name.contains(u'/') || name.count(u'.') > 0) name = QFileInfo(name).suffix();
    for (Format f : allFormats()) {
        if (name == formatName(f) || name == fileExtension(f)) return f;
    }
    if (name == u"mermaid" || name == u"mmd") return Format::Mermaid;
    if (name == u"pu" || name == u"plantuml" || name == u"puml" || name == u"wsd") return Format::PlantUml;
    if (name == u"text") return Format::Txt;
    return std::nullopt;
}

bool write(const Trace &trace, Format format, const QString &path, const Options &options, QString *error)
{
    Result result;
    return write(trace, format, path, options, error, &result);
}

bool write(const Trace &trace, Format format, const QString &path, const Options &options, QString *error,
           Result *result)
{
    Result local;
    if (!result) result = &local;
    *result = {};
    if (options.perStep && !isDiagramImage(format)) {
        *error = QCoreApplication::translate("Export", "one file per step is for png, svg and pdf, not %1")
                     .arg(formatName(format));
        return false;
    }
    if (options.predict && !options.perStep) {
        *error = QCoreApplication::translate(
            "Export", "a question slide goes before each step's slide: it needs one file or page per step");
        return false;
    }
    switch (format) {
    case Format::Png:
    case Format::Svg:
    case Format::Pdf: {
        if (trace.isEmpty()) {
            *error = QCoreApplication::translate("Export", "the trace is empty: there is no diagram to export");
            return false;
        }
        const DiagramRenderer renderer(trace, options.diagram);
        if (format == Format::Png) return DiagramImages::writePng(renderer, path, options, error, result);
        if (format == Format::Svg) return DiagramImages::writeSvg(renderer, path, options, error, result);
        return DiagramImages::writePdf(renderer, path, options, error, result);
    }
    case Format::Pcap: {
        const std::optional<QByteArray> bytes = PcapExport::encode(trace, error);
        if (!bytes || !AtomicFile::write(path, *bytes, error)) return false;
        result->files = {path};
        return true;
    }
    case Format::Json:
        if (!AtomicFile::write(path, TraceJson::save(trace), error)) return false;
        result->files = {path};
        return true;
    case Format::Mermaid:
    case Format::PlantUml: {
        bool ok = false;
        const SequenceScript::Options s = sequenceOptions(trace, options, error, &ok);
        if (!ok) return false;
        return writeText(path,
                         format == Format::Mermaid ? MermaidExport::toText(trace, s) : PlantUmlExport::toText(trace, s),
                         error, result);
    }
    case Format::Txt:
        // Streamed into the file: a long capture's text flow is far larger than its trace.
        if (!AtomicFile::write(
                path,
                [&](QIODevice &device, QString *why) {
                    return TextFlow::write(trace, device, why, options.diagram.numbers);
                },
                error))
            return false;
        result->files = {path};
        return true;
    }
    *error = QCoreApplication::translate("Export", "unknown export format");
    return false;
}

std::optional<QImage> renderImage(const Trace &trace, const Options &options, QString *error)
{
    if (trace.isEmpty()) {
        *error = QCoreApplication::translate("Export", "the trace is empty: there is no diagram to copy");
        return std::nullopt;
    }
    const DiagramRenderer renderer(trace, options.diagram);
    return DiagramImages::renderImage(renderer, options, error);
}

bool copyImageToClipboard(const Trace &trace, const Options &options, QString *error)
{
    const std::optional<QImage> image = renderImage(trace, options, error);
    if (!image) return false;
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard) {
        *error = QCoreApplication::translate("Export", "there is no clipboard here");
        return false;
    }
    clipboard->setImage(*image);
    return true;
}

} // namespace Export
