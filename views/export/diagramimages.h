// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export.h"

#include <QImage>
#include <optional>

class DiagramRenderer;

// The diagram as PNG, SVG and PDF files, painted by the DiagramRenderer the screen uses. Long
// diagrams are split between rows, each part with the lifeline titles on top so it reads alone:
// PNG into tiles (QPainter cannot paint past 32,767 px, and a tile's pixels must fit a memory cap),
// PDF into pages (a PDF page stops at 200 in). A slide build writes one image or page per step,
// all of the same size so they overlay; a recorded scenario's slides are its steps, each with its
// caption in a band under the diagram, and a predict build puts a question slide before each.
namespace DiagramImages {

constexpr qreal kMaxPainterPixels = 32767; // QPainter's raster engine works in 16-bit coordinates
// One tile's pixels, 4 bytes each: under Qt's default image allocation limit (128 MiB), so that Qt
// programs, this one included, can open every tile again.
constexpr qsizetype kMaxTileBytes = qsizetype(120) << 20;
constexpr qreal kMaxPdfPagePixels = 200 * 96; // 200 in, the largest page a PDF may have (ISO 32000 annex C)
constexpr int kMaxSlides = 500; // a slide build writes one file per step: stop runaway exports

// Turns a user's range (last = -1: to the end) into the rows of the diagram it shows; false with
// *error when those steps do not exist. The range counts the scenario's steps when the trace has
// them (Trace::steps()), otherwise rows.
bool resolveRange(const DiagramRenderer &renderer, StepRange requested, StepRange &out, QString *error);

bool writePng(const DiagramRenderer &renderer, const QString &path, const Export::Options &options, QString *error,
              Export::Result *result);
bool writeSvg(const DiagramRenderer &renderer, const QString &path, const Export::Options &options, QString *error,
              Export::Result *result);
bool writePdf(const DiagramRenderer &renderer, const QString &path, const Export::Options &options, QString *error,
              Export::Result *result);
std::optional<QImage> renderImage(const DiagramRenderer &renderer, const Export::Options &options, QString *error);
// Pixel size of an image of `logical` at `scale`: whole logical pixels first, so 2× is exactly
// twice 1×.
QSize pixelSize(QSizeF logical, qreal scale);
// The tallest PNG tile of this width: QPainter's limit, and kMaxTileBytes for its pixels.
int maxTilePixels(int widthPx);

// Splits the steps of `range` into consecutive parts each no taller than maxHeight (logical px,
// the header that every part repeats included): the page and tile breaks fall between rows, where
// DiagramRenderer::pageBreakCandidates() puts them. A row taller than maxHeight gets a part alone.
std::vector<StepRange> splitSteps(const DiagramRenderer &renderer, StepRange range, qreal maxHeight);

// "x.png", 3 files -> "x-1.png", "x-2.png", "x-3.png" (numbers padded to the same width so they sort).
QStringList numberedPaths(const QString &path, int count);

} // namespace DiagramImages
