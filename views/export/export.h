// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/diagramoptions.h"

#include <QPageSize>
#include <QStringList>
#include <functional>
#include <optional>

class Trace;
class QImage;

// Every way a trace leaves the app: images of the diagram (drawn by the screen's own
// DiagramRenderer, so they look exactly like the window), the pcap capture, the trace file, and
// text diagrams. The window's File → Export dialog and the command line's --export both call
// write(). Every file goes through AtomicFile: a failed export leaves no half file and keeps what
// was at the path before, a device or a FIFO is written in place, "-" is standard output, and a set
// of files (tiles, slides) is written all or none.
namespace Export {

enum class Format { Png, Svg, Pdf, Pcap, Json, Mermaid, PlantUml, Txt };

struct Options {
    DiagramOptions diagram; // numbers, theme, detail, transparent background: as on screen
    qreal scale = 1; // PNG: pixels per logical (96 dpi) pixel; 2 and 4 for high-resolution slides
    // Images and text diagrams: only these steps. A step is a scenario step when the trace has
    // them (Trace::steps()), otherwise a row of the diagram.
    StepRange steps;
    bool perStep = false; // slide build: one image (PNG/SVG) or PDF page per step, all the same size
    bool predict = false; // slide build: a question slide (the step's segments unlabelled) before each step
    // The steps' captions: a numbered list beside a whole figure, each beside its step's first row;
    // on a slide build, rows (a trace without scenario steps) get their captions in the band too
    // (a scenario's slides always carry its captions).
    bool captions = false;
    // A scenario step's caption as the reader sees it (a built-in scenario's in the window's
    // language: the app knows the translations, the export does not); unset: as recorded.
    std::function<QString(int step, const QString &recorded)> captionText;
    bool handout = false; // PDF on paper pages (handoutPage), scaled to the page width
    QPageSize handoutPage = QPageSize(QPageSize::A4);
};

// "png", ".svg", "PDF", "plantuml", "puml", "mmd", "md"... nullopt when unknown.
std::optional<Format> formatFromName(QString nameOrExtension);
bool write(const Trace &trace, Format format, const QString &path, const Options &options, QString *error);

// --- additions to the contract ---

// What an export did, for the user: every file written, and a sentence when it was more than the
// one file asked for ("wrote 3 tiles: x-1.png … x-3.png (the diagram is taller than …)").
struct Result {
    QStringList files;
    QString summary;
};
bool write(const Trace &trace, Format format, const QString &path, const Options &options, QString *error,
           Result *result);

QString formatName(Format format); // "png", "plantuml"
QString fileExtension(Format format); // "png", "puml"
QString formatDescription(Format format); // "PNG image", for the dialog and file filters
QList<Format> allFormats();
bool isDiagramImage(Format format); // PNG, SVG, PDF: drawn by the DiagramRenderer
QString supportedFormatNames(); // "png, svg, pdf, ..."

// The diagram as one image at options.scale (no tiling: false when it is too large for one).
std::optional<QImage> renderImage(const Trace &trace, const Options &options, QString *error);
// Puts renderImage() on the system clipboard.
bool copyImageToClipboard(const Trace &trace, const Options &options, QString *error);

} // namespace Export
