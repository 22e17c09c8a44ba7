// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagramimages.h"

#include "diagram/diagramrenderer.h"
#include "files/atomicfile.h"
#include "trace/stepcaption.h"
#include "trace/trace.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTextLayout>
#include <cmath>

namespace DiagramImages {

namespace {

constexpr qreal kDpi = 96; // the renderer's logical pixels

void setUpPainter(QPainter &painter)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
}

// The files, all or none: a failure while drawing or writing any of them (a full disk at the
// eighth slide) leaves every file at these paths as it was.
bool commitAll(const QStringList &paths, const QList<QByteArray> &contents, QString *error, Export::Result *result)
{
    if (!AtomicFile::writeAll(paths, contents, error)) return false;
    result->files << paths;
    return true;
}

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

QString listFiles(const QStringList &paths)
{
    if (paths.size() == 1) return fileName(paths.first());
    if (paths.size() == 2)
        return QStringList {fileName(paths.first()), fileName(paths.last())}.join(QStringLiteral(", "));
    return fileName(paths.first()) + QStringLiteral(" … ") + fileName(paths.last());
}

QString slideSummary(const QStringList &paths, bool predict)
{
    // Spelled out: without a loaded translation, %n leaves "image(s)" as it is.
    if (paths.size() == 1)
        return QCoreApplication::translate("Export", "wrote 1 slide image: %1").arg(listFiles(paths));
    return (predict
                ? QCoreApplication::translate("Export", "wrote %1 slide images, a question and an answer per step: %2")
                : QCoreApplication::translate("Export", "wrote %1 slide images, one per step: %2"))
        .arg(paths.size())
        .arg(listFiles(paths));
}

bool hasTraceSteps(const DiagramRenderer &renderer)
{
    return !renderer.trace().steps().empty();
}

// The steps of a user's range that exist: the scenario's steps when the trace has them, else rows.
bool resolveSteps(const DiagramRenderer &renderer, StepRange requested, StepRange &out, QString *error)
{
    const bool scenario = hasTraceSteps(renderer);
    const int count = scenario ? int(renderer.trace().steps().size()) : renderer.stepCount();
    if (renderer.stepCount() == 0) {
        *error = QCoreApplication::translate("Export", "the diagram has no steps to export");
        return false;
    }
    out.first = requested.first;
    out.last = requested.last < 0 ? count - 1 : requested.last;
    if (out.first < 0 || out.first >= count || out.last >= count || out.first > out.last) {
        const QString last = requested.last < 0 ? QString() : QString::number(requested.last + 1);
        *error =
            (scenario
                 ? QCoreApplication::translate("Export", "steps %1:%2 are not in the scenario, which has steps 1:%3")
                 : QCoreApplication::translate("Export", "steps %1:%2 are not in the diagram, which has steps 1:%3"))
                .arg(requested.first + 1)
                .arg(last)
                .arg(count);
        return false;
    }
    return true;
}

// One image or page of a slide build.
struct Slide {
    int revealedUpTo = 0; // the last row shown; before the build's first row: none of them
    int questionFromRow = -1; // arrows from this row show "?" (DiagramRenderer::Overlay)
    QStringList caption; // its lines, wrapped to the band
};

// Every slide of a build shows the same rows, so the slides have one size and overlay.
struct SlideBuild {
    StepRange rows; // the rows of the steps
    // What every slide's picture spans: the rows and the one after them, left empty, since a
    // row's drawings reach into the next (an arrow still in flight, a timer's label).
    StepRange picture;
    std::vector<Slide> slides;
    QFont font;
    qreal padding = 0;
    qreal bandHeight = 0; // the caption band under the diagram; 0: none
    QSizeF size; // of every slide, band included
    bool predict = false;
};

// The font of the diagram's labels (as DiagramRenderer makes it): sized in logical pixels, so
// PDF and SVG scale it with the geometry.
QFont captionFont(const DiagramOptions &options)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(std::max(6, qRound(options.fontPointSize * 96.0 / 72.0)));
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

// Broken into lines here, once, and drawn line by line: every device then shows the same lines
// (a PDF's or SVG's own text layout could break them elsewhere, and push the last out of the band).
QStringList wrapLines(const QString &text, const QFont &font, qreal width)
{
    QStringList lines;
    if (text.isEmpty()) return lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

// What step k says: a scenario step's caption, or what a row's event means in plain words (as
// the window's caption says it).
QString stepCaption(const DiagramRenderer &renderer, int k, const Export::Options &options)
{
    if (hasTraceSteps(renderer)) {
        const QString &recorded = renderer.trace().steps()[size_t(k)].caption;
        return options.captionText ? options.captionText(k, recorded) : recorded;
    }
    return StepCaption::describe(renderer.trace(), renderer.labeler(), renderer.eventOfStep(k),
                                 renderer.options().numbers);
}

// The numbered captions beside a whole figure (Options::captions), right of the diagram: each
// begins on its step's first row, or under the caption before it when that one runs longer, so a
// reader finds a step's segments level with its words.
struct CaptionColumn {
    struct Item {
        QString number;
        QStringList lines;
        qreal top = 0;
        qreal anchorY = 0; // the centre line of the step's first row
    };
    std::vector<Item> items;
    QFont font, bold;
    qreal x = 0; // where the numbers start
    qreal numberWidth = 0;
    qreal width = 0; // numbers and text
    qreal padding = 0;
    qreal bottom = 0; // under the last line
    QSizeF size; // of the picture: the diagram and the column
};

// The column for the part `rows` of the diagram, holding the captions of the steps in `steps`
// that begin in it. An empty step (nothing drawn) goes where the step before it ended.
CaptionColumn planColumn(const DiagramRenderer &renderer, StepRange rows, StepRange steps,
                         const Export::Options &options)
{
    CaptionColumn c;
    c.font = captionFont(renderer.options());
    c.bold = c.font;
    c.bold.setBold(true);
    const QFontMetricsF fm(c.font), fb(c.bold);
    const bool scenario = hasTraceSteps(renderer);
    const int total = scenario ? int(renderer.trace().steps().size()) : renderer.stepCount();
    const QSizeF diagram = renderer.size(rows);
    c.padding = std::ceil(0.6 * fm.lineSpacing());
    c.numberWidth = std::ceil(fb.horizontalAdvance(QString::number(total) + u'.') + fm.averageCharWidth());
    c.width = c.numberWidth + std::ceil(40 * fm.averageCharWidth());
    c.x = diagram.width() + 3 * c.padding; // room for the leaders from the rows to their captions
    const int lastRow = rows.last < 0 ? renderer.stepCount() - 1 : rows.last;
    qreal next = renderer.layout().headerHeight();
    for (int k = steps.first; k <= steps.last; ++k) {
        int anchor = scenario ? renderer.firstRowOfTraceStep(k) : k;
        if (scenario && anchor > renderer.lastRowOfTraceStep(k)) anchor = std::max(0, renderer.lastRowOfTraceStep(k));
        if (anchor < rows.first || anchor > lastRow) continue;
        CaptionColumn::Item item;
        item.number = QString::number(k + 1) + u'.';
        item.lines = wrapLines(stepCaption(renderer, k, options), c.font, c.width - c.numberWidth);
        if (item.lines.isEmpty()) continue;
        item.anchorY = renderer.rowYIn(rows, anchor);
        item.top = std::max(next, item.anchorY - fm.lineSpacing() / 2);
        next = item.top + item.lines.size() * fm.lineSpacing() + c.padding / 2;
        c.items.push_back(std::move(item));
    }
    c.bottom = next;
    c.size = QSizeF(c.x + c.width + c.padding, std::max(diagram.height(), std::ceil(c.bottom + c.padding)));
    return c;
}

// The part of the diagram, and its column of captions when it has one.
QSizeF partSize(const DiagramRenderer &renderer, StepRange rows, const CaptionColumn *column)
{
    return column ? column->size : renderer.size(rows);
}

void paintPart(QPainter &painter, const DiagramRenderer &renderer, StepRange rows, const CaptionColumn *column)
{
    renderer.paint(&painter, rows);
    if (!column) return;
    const DiagramRenderer::Palette palette = DiagramRenderer::palette(renderer.options().theme);
    const QSizeF diagram = renderer.size(rows);
    if (!renderer.options().transparentBackground) {
        painter.fillRect(QRectF(diagram.width(), 0, column->size.width() - diagram.width(), column->size.height()),
                         palette.background);
        painter.fillRect(QRectF(0, diagram.height(), diagram.width(), column->size.height() - diagram.height()),
                         palette.background);
    }
    const QFontMetricsF fm(column->font);
    for (const CaptionColumn::Item &item : column->items) {
        // A leader from the step's row to its caption, which may have been pushed further down.
        const qreal left = diagram.width(), right = column->x - column->padding / 3;
        const qreal captionY = item.top + fm.lineSpacing() / 2;
        painter.setPen(QPen(palette.muted, 1));
        painter.drawPolyline(QPolygonF({QPointF(left, item.anchorY), QPointF(left + column->padding, item.anchorY),
                                        QPointF(right - column->padding, captionY), QPointF(right, captionY)}));
        qreal baseline = item.top + fm.ascent();
        painter.setPen(palette.text);
        painter.setFont(column->bold);
        painter.drawText(QPointF(column->x, baseline), item.number);
        painter.setFont(column->font);
        for (const QString &line : item.lines) {
            painter.drawText(QPointF(column->x + column->numberWidth, baseline), line);
            baseline += fm.lineSpacing();
        }
    }
}

// The captions' columns of the parts (tiles, pages) of a whole figure; none without --captions.
std::vector<CaptionColumn> planColumns(const DiagramRenderer &renderer, const Export::Options &options,
                                       const std::vector<StepRange> &parts)
{
    std::vector<CaptionColumn> columns;
    StepRange steps;
    QString ignored;
    if (!options.captions || !resolveSteps(renderer, options.steps, steps, &ignored)) return columns;
    for (const StepRange &part : parts)
        columns.push_back(planColumn(renderer, part, steps, options));
    return columns;
}

// A slide build's slides: one per step of options.steps, and with options.predict a question
// slide before each. A step is a scenario step when the trace has them (its rows, its caption
// in the band), otherwise a row of the diagram.
bool planSlides(const DiagramRenderer &renderer, const Export::Options &options, SlideBuild &build, QString *error)
{
    StepRange steps;
    if (!resolveSteps(renderer, options.steps, steps, error)
        || !resolveRange(renderer, options.steps, build.rows, error))
        return false;
    build.predict = options.predict;
    const int perStep = options.predict ? 2 : 1;
    const int count = (steps.last - steps.first + 1) * perStep;
    if (count > kMaxSlides) {
        *error =
            QCoreApplication::translate(
                "Export", "a slide build of %1 steps would write %2 files; choose at most %3 steps (--steps FROM:TO)")
                .arg(steps.last - steps.first + 1)
                .arg(count)
                .arg(kMaxSlides / perStep);
        return false;
    }
    const bool scenario = hasTraceSteps(renderer);
    const Trace &trace = renderer.trace();
    const int total = scenario ? int(trace.steps().size()) : renderer.stepCount();
    build.picture = {build.rows.first, std::min(build.rows.last + 1, renderer.stepCount() - 1)};
    const QSizeF diagram = renderer.size(build.picture);
    build.font = captionFont(renderer.options());
    const QFontMetricsF fm(build.font);
    build.padding = std::ceil(0.6 * fm.lineSpacing());
    const qreal wrapWidth = std::max<qreal>(fm.averageCharWidth() * 10, diagram.width() - 2 * build.padding);
    auto caption = [&](int k, const QString &text) {
        // As the window numbers a scenario's captions.
        return wrapLines(QCoreApplication::translate("Export", "%1/%2  %3").arg(k + 1).arg(total).arg(text).trimmed(),
                         build.font, wrapWidth);
    };
    qsizetype lines = 0;
    for (int k = steps.first; k <= steps.last; ++k) {
        const int last = scenario ? renderer.lastRowOfTraceStep(k) : k;
        if (options.predict) {
            const int from = scenario ? renderer.firstRowOfTraceStep(k) : k;
            build.slides.push_back(
                {last, from, caption(k, QCoreApplication::translate("Export", "What does the kernel send now?"))});
            lines = std::max(lines, build.slides.back().caption.size());
        }
        // Rows alone have no caption; with questions they are numbered, so question and answer pair up.
        QStringList text;
        if (scenario)
            text = caption(k, stepCaption(renderer, k, options));
        else if (options.captions)
            text = caption(k, stepCaption(renderer, k, options));
        else if (options.predict)
            text = caption(k, QString());
        build.slides.push_back({last, -1, text});
        lines = std::max(lines, text.size());
    }
    // As tall as the longest caption on every slide, so the diagrams stay where they are.
    build.bandHeight = lines > 0 ? 2 * build.padding + std::ceil(lines * fm.lineSpacing()) : 0;
    build.size = QSizeF(diagram.width(), diagram.height() + build.bandHeight);
    return true;
}

void paintSlide(QPainter &painter, const DiagramRenderer &renderer, const SlideBuild &build, const Slide &slide)
{
    const bool transparent = renderer.options().transparentBackground;
    const DiagramRenderer::Palette palette = DiagramRenderer::palette(renderer.options().theme);
    const QSizeF diagram = renderer.size(build.picture);
    if (slide.revealedUpTo >= build.rows.first) {
        renderer.paint(&painter, build.picture, slide.revealedUpTo, slide.questionFromRow);
    } else {
        // The build's first steps drew nothing (empty steps): the lifeline titles alone.
        if (!transparent) painter.fillRect(QRectF(QPointF(0, 0), diagram), palette.background);
        renderer.paintHeader(&painter, std::max(0, slide.revealedUpTo));
    }
    if (build.bandHeight <= 0) return;
    const QRectF band(0, diagram.height(), build.size.width(), build.bandHeight);
    if (!transparent) painter.fillRect(band, palette.background);
    painter.setPen(QPen(palette.appLine, 1));
    painter.drawLine(QPointF(0, band.top() + 0.5), QPointF(band.right(), band.top() + 0.5));
    painter.setFont(build.font);
    painter.setPen(palette.text);
    const QFontMetricsF fm(build.font);
    qreal baseline = band.top() + build.padding + fm.ascent();
    for (const QString &line : slide.caption) {
        painter.drawText(QPointF(build.padding, baseline), line);
        baseline += fm.lineSpacing();
    }
}

template<typename Paint>
QImage paintImage(QSizeF size, qreal scale, Paint &&paint)
{
    const QSize pixels = pixelSize(size, scale);
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) return image;
    // Transparent to begin with: the renderer paints its theme's background unless the options
    // ask for a transparent one.
    image.fill(Qt::transparent);
    const int dotsPerMeter = qRound(kDpi * scale / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    QPainter painter(&image);
    setUpPainter(painter);
    painter.scale(scale, scale);
    paint(painter);
    painter.end();
    return image;
}

bool encodePng(const QImage &image, QByteArray &out, QString *error)
{
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    // Qt's PNG quality picks the zlib level: 80 is a fast level that, for a diagram's large flat
    // areas, gives files within a few per cent of the default's, in about two thirds of the time.
    writer.setQuality(80);
    if (!writer.write(image)) {
        *error = QCoreApplication::translate("Export", "the PNG encoder failed: %1").arg(writer.errorString());
        return false;
    }
    return true;
}

bool checkScale(qreal scale, QString *error)
{
    if (!(scale > 0) || scale > 16) {
        *error = QCoreApplication::translate("Export", "scale %1 is out of range (0 < scale ≤ 16)").arg(scale);
        return false;
    }
    return true;
}

} // namespace

bool resolveRange(const DiagramRenderer &renderer, StepRange requested, StepRange &out, QString *error)
{
    StepRange steps;
    if (!resolveSteps(renderer, requested, steps, error)) return false;
    if (!hasTraceSteps(renderer)) {
        out = steps;
        return true;
    }
    out = {renderer.firstRowOfTraceStep(steps.first), renderer.lastRowOfTraceStep(steps.last)};
    if (out.first > out.last) {
        *error = QCoreApplication::translate("Export", "steps %1:%2 of the scenario recorded nothing to draw")
                     .arg(steps.first + 1)
                     .arg(steps.last + 1);
        return false;
    }
    return true;
}

QSize pixelSize(QSizeF logical, qreal scale)
{
    return {int(std::ceil(std::ceil(logical.width()) * scale)), int(std::ceil(std::ceil(logical.height()) * scale))};
}

int maxTilePixels(int widthPx)
{
    return int(std::min<qsizetype>(qsizetype(kMaxPainterPixels), kMaxTileBytes / (qsizetype(qMax(1, widthPx)) * 4)));
}

std::vector<StepRange> splitSteps(const DiagramRenderer &renderer, StepRange range, qreal maxHeight)
{
    // Greedy, each part as many rows as fit: size() of a part is O(1) and grows with its last step,
    // so a binary search finds each break.
    std::vector<StepRange> parts;
    int first = range.first;
    while (first <= range.last) {
        int lo = first, hi = range.last; // the last step that fits is in [lo, hi]; one row always goes
        while (lo < hi) {
            const int mid = lo + (hi - lo + 1) / 2;
            if (renderer.size({first, mid}).height() <= maxHeight)
                lo = mid;
            else
                hi = mid - 1;
        }
        parts.push_back({first, lo});
        first = lo + 1;
    }
    return parts;
}

QStringList numberedPaths(const QString &path, int count)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix();
    const QString stem = suffix.isEmpty() ? path : path.left(path.size() - suffix.size() - 1);
    const int width = int(QString::number(count).size());
    QStringList out;
    for (int i = 1; i <= count; ++i)
        out << stem + u'-' + QStringLiteral("%1").arg(i, width, 10, QChar(u'0'))
                + (suffix.isEmpty() ? QString() : u'.' + suffix);
    return out;
}

std::optional<QImage> renderImage(const DiagramRenderer &renderer, const Export::Options &options, QString *error)
{
    StepRange range;
    if (!checkScale(options.scale, error) || !resolveRange(renderer, options.steps, range, error)) return std::nullopt;
    const std::vector<CaptionColumn> columns = planColumns(renderer, options, {range});
    const CaptionColumn *column = columns.empty() ? nullptr : &columns.front();
    const QSizeF size = partSize(renderer, range, column);
    const qreal w = size.width() * options.scale, h = size.height() * options.scale;
    if (w > kMaxPainterPixels || h > kMaxPainterPixels || w * h * 4 > qreal(kMaxTileBytes)) {
        *error = QCoreApplication::translate(
                     "Export",
                     "the diagram is too large for one image (%1 × %2 px); export it to a file, or choose fewer steps")
                     .arg(qRound(w))
                     .arg(qRound(h));
        return std::nullopt;
    }
    QImage image =
        paintImage(size, options.scale, [&](QPainter &painter) { paintPart(painter, renderer, range, column); });
    if (image.isNull()) {
        *error = QCoreApplication::translate("Export", "not enough memory for a %1 × %2 px image")
                     .arg(qRound(w))
                     .arg(qRound(h));
        return std::nullopt;
    }
    return image;
}

bool writePng(const DiagramRenderer &renderer, const QString &path, const Export::Options &options, QString *error,
              Export::Result *result)
{
    StepRange range;
    if (!checkScale(options.scale, error) || !resolveRange(renderer, options.steps, range, error)) return false;
    const QSizeF size = renderer.size(range);
    const qreal scale = options.scale;
    const qreal widthPx = pixelSize(size, scale).width();
    if (widthPx > kMaxPainterPixels) {
        *error = QCoreApplication::translate(
                     "Export",
                     "the diagram is %1 px wide at scale %2, more than an image can be (%3 px); use a smaller scale")
                     .arg(widthPx)
                     .arg(scale)
                     .arg(kMaxPainterPixels);
        return false;
    }
    // The tallest tile: QPainter's limit, and the memory cap for its pixels.
    const qreal maxTilePx = maxTilePixels(int(widthPx));
    const qreal maxTile = std::floor(maxTilePx / scale);

    QStringList paths;
    QList<QByteArray> contents;
    if (options.perStep) {
        SlideBuild build;
        if (!planSlides(renderer, options, build, error)) return false;
        if (build.size.height() > maxTile) {
            *error =
                QCoreApplication::translate(
                    "Export",
                    "one image per step would be %1 px tall, more than an image can be; choose fewer steps (--steps)")
                    .arg(qRound(build.size.height() * scale));
            return false;
        }
        for (const Slide &slide : build.slides) {
            const QImage image =
                paintImage(build.size, scale, [&](QPainter &painter) { paintSlide(painter, renderer, build, slide); });
            if (image.isNull()) {
                *error = QCoreApplication::translate("Export", "not enough memory for the image of slide %1")
                             .arg(contents.size() + 1);
                return false;
            }
            QByteArray bytes;
            if (!encodePng(image, bytes, error)) return false;
            contents << bytes;
        }
        paths = numberedPaths(path, int(contents.size()));
        if (!commitAll(paths, contents, error, result)) return false;
        result->summary = slideSummary(paths, build.predict);
        return true;
    }

    const std::vector<StepRange> tiles = splitSteps(renderer, range, maxTile);
    const std::vector<CaptionColumn> columns = planColumns(renderer, options, tiles);
    for (size_t i = 0; i < tiles.size(); ++i) {
        const StepRange &tile = tiles[i];
        const CaptionColumn *column = columns.empty() ? nullptr : &columns[i];
        const QSize tilePx = pixelSize(partSize(renderer, tile, column), scale);
        if (tilePx.width() > kMaxPainterPixels || tilePx.height() > maxTilePixels(tilePx.width())) {
            *error =
                QCoreApplication::translate(
                    "Export",
                    "the diagram with its captions would be %1 × %2 px, more than an image can be; use a smaller scale "
                    "or fewer steps")
                    .arg(tilePx.width())
                    .arg(tilePx.height());
            return false;
        }
        const QImage image = paintImage(partSize(renderer, tile, column), scale,
                                        [&](QPainter &painter) { paintPart(painter, renderer, tile, column); });
        if (image.isNull()) {
            *error = QCoreApplication::translate("Export", "not enough memory for a %1 × %2 px image")
                         .arg(widthPx)
                         .arg(std::ceil(renderer.size(tile).height() * scale));
            return false;
        }
        QByteArray bytes;
        if (!encodePng(image, bytes, error)) return false;
        contents << bytes;
    }
    paths = contents.size() == 1 ? QStringList {path} : numberedPaths(path, int(contents.size()));
    if (!commitAll(paths, contents, error, result)) return false;
    if (paths.size() > 1) {
        result->summary =
            QCoreApplication::translate(
                "Export", "wrote %1 tiles, top to bottom: %2 (the diagram is %3 px tall; one image stops at %4 px)")
                .arg(paths.size())
                .arg(listFiles(paths))
                .arg(qRound(size.height() * scale))
                .arg(qRound(maxTilePx));
    }
    return true;
}

namespace {
// Qt's SVG generator writes no clip paths: what the rows before a range draw (the renderer
// paints them for what of them reaches into the range) would show through the lifeline titles,
// so the titles, with their background, are painted again over it.
void coverRowsBefore(QPainter &painter, const DiagramRenderer &renderer, StepRange range)
{
    if (range.first > 0) renderer.paintHeader(&painter, range.last);
}

template<typename Paint>
QByteArray svgOf(QSizeF size, const QString &title, Paint &&paint)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(int(kDpi));
    svg.setSize(QSize(int(std::ceil(size.width())), int(std::ceil(size.height()))));
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(
        QCoreApplication::translate("Export", "Sequence diagram drawn by SynScope from real Linux kernels"));
    QPainter painter(&svg);
    setUpPainter(painter);
    paint(painter);
    painter.end();
    return bytes;
}
} // namespace

bool writeSvg(const DiagramRenderer &renderer, const QString &path, const Export::Options &options, QString *error,
              Export::Result *result)
{
    StepRange range;
    if (!resolveRange(renderer, options.steps, range, error)) return false;
    const QString title = QFileInfo(path).completeBaseName();
    if (!options.perStep) {
        const std::vector<CaptionColumn> columns = planColumns(renderer, options, {range});
        const CaptionColumn *column = columns.empty() ? nullptr : &columns.front();
        const QByteArray svg = svgOf(partSize(renderer, range, column), title, [&](QPainter &painter) {
            paintPart(painter, renderer, range, column);
            coverRowsBefore(painter, renderer, range);
        });
        if (!AtomicFile::write(path, svg, error)) return false;
        result->files = {path};
        return true;
    }
    SlideBuild build;
    if (!planSlides(renderer, options, build, error)) return false;
    QList<QByteArray> contents;
    for (const Slide &slide : build.slides)
        contents << svgOf(build.size, title, [&](QPainter &painter) {
            paintSlide(painter, renderer, build, slide);
            coverRowsBefore(painter, renderer, build.picture);
        });
    const QStringList paths = numberedPaths(path, int(contents.size()));
    if (!commitAll(paths, contents, error, result)) return false;
    result->summary = slideSummary(paths, build.predict);
    return true;
}

namespace {
QPageSize pageOf(QSizeF pixels)
{
    return QPageSize(pixels * 72.0 / kDpi, QPageSize::Point, QString(), QPageSize::ExactMatch);
}
} // namespace

bool writePdf(const DiagramRenderer &renderer, const QString &path, const Export::Options &options, QString *error,
              Export::Result *result)
{
    StepRange range;
    if (!resolveRange(renderer, options.steps, range, error)) return false;
    // Paper pages take the whole diagram: a handout is not a slide build.
    const bool slides = options.perStep && !options.handout;
    SlideBuild build;
    if (slides && !planSlides(renderer, options, build, error)) return false;
    const std::vector<CaptionColumn> whole =
        slides ? std::vector<CaptionColumn>() : planColumns(renderer, options, {range});
    const QSizeF size = slides ? build.size : partSize(renderer, range, whole.empty() ? nullptr : &whole.front());
    if (!options.handout && (size.width() > kMaxPdfPagePixels || (slides && size.height() > kMaxPdfPagePixels))) {
        *error = QCoreApplication::translate("Export",
                                             "the diagram (%1 × %2 in) does not fit a PDF page (at most 200 in); "
                                             "choose fewer steps or the handout mode")
                     .arg(size.width() / kDpi, 0, 'f', 1)
                     .arg(size.height() / kDpi, 0, 'f', 1);
        return false;
    }
    int pages = 0;
    const bool ok = AtomicFile::write(
        path,
        [&](QIODevice &device, QString *why) {
            QPdfWriter pdf(&device);
            pdf.setResolution(int(kDpi));
            pdf.setCreator(QStringLiteral("SynScope"));
            pdf.setTitle(QFileInfo(path).completeBaseName());
            QPainter painter;
            auto begin = [&] {
                if (!painter.begin(&pdf)) {
                    *why = QCoreApplication::translate("Export", "the PDF writer cannot start");
                    return false;
                }
                setUpPainter(painter);
                return true;
            };
            if (options.handout) {
                // Paper pages: the diagram scaled to the page width (never enlarged), broken between rows.
                pdf.setPageLayout(QPageLayout(options.handoutPage, QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                              QPageLayout::Millimeter));
                const QRectF paper = pdf.pageLayout().paintRectPixels(int(kDpi));
                const qreal fit = std::min<qreal>(1, paper.width() / size.width());
                if (!begin()) return false;
                const std::vector<StepRange> parts = splitSteps(renderer, range, paper.height() / fit);
                const std::vector<CaptionColumn> columns = planColumns(renderer, options, parts);
                for (size_t i = 0; i < parts.size(); ++i) {
                    if (pages++ > 0) pdf.newPage();
                    painter.save();
                    painter.scale(fit, fit);
                    paintPart(painter, renderer, parts[i], columns.empty() ? nullptr : &columns[i]);
                    painter.restore();
                }
                return true;
            }
            pdf.setPageMargins(QMarginsF());
            if (slides) {
                // Same page size for every step, so the pages overlay when flipped through.
                pdf.setPageSize(pageOf(size));
                if (!begin()) return false;
                for (const Slide &slide : build.slides) {
                    if (pages++ > 0) pdf.newPage();
                    paintSlide(painter, renderer, build, slide);
                }
                return true;
            }
            const std::vector<StepRange> parts = splitSteps(renderer, range, kMaxPdfPagePixels);
            const std::vector<CaptionColumn> columns = planColumns(renderer, options, parts);
            for (size_t i = 0; i < parts.size(); ++i) {
                const CaptionColumn *column = columns.empty() ? nullptr : &columns[i];
                pdf.setPageSize(pageOf(partSize(renderer, parts[i], column)));
                if (pages++ > 0)
                    pdf.newPage();
                else if (!begin())
                    return false;
                paintPart(painter, renderer, parts[i], column);
            }
            return true;
        },
        error);
    if (!ok) return false;
    result->files = {path};
    if (slides) {
        result->summary =
            (build.predict
                 ? QCoreApplication::translate("Export", "wrote %1 pages, a question and an answer per step, to %2")
                 : QCoreApplication::translate("Export", "wrote %1 pages, one per step, to %2"))
                .arg(pages)
                .arg(fileName(path));
    } else if (pages > 1) {
        result->summary = options.handout
            ? QCoreApplication::translate("Export", "wrote %1 pages on %2 paper to %3")
                  .arg(pages)
                  .arg(options.handoutPage.name(), fileName(path))
            : QCoreApplication::translate(
                  "Export", "wrote %1 pages to %2 (the diagram is %3 in tall; a PDF page stops at 200 in)")
                  .arg(pages)
                  .arg(fileName(path))
                  .arg(size.height() / kDpi, 0, 'f', 0);
    }
    return true;
}

} // namespace DiagramImages
