// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagramimages.h"

#include "diagram/diagramrenderer.h"
#include "io/atomicfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
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

    // The files, committed only once every one of them was made: a failure while drawing leaves
    // nothing behind. (Once committing has begun, the files committed stay: each is complete.)
    bool commitAll(const QStringList &paths, const QList<QByteArray> &contents, QString *error, Export::Result *result)
    {
        for (qsizetype i = 0; i < paths.size(); ++i) {
            if (!AtomicFile::write(paths[i], contents[i], error))
                return false;
            result->files << paths[i];
        }
        return true;
    }

    QString fileName(const QString &path) { return QFileInfo(path).fileName(); }

    QString listFiles(const QStringList &paths)
    {
        if (paths.size() == 1)
            return fileName(paths.first());
        if (paths.size() == 2)
            return QStringList { fileName(paths.first()), fileName(paths.last()) }.join(QStringLiteral(", "));
        return fileName(paths.first()) + QStringLiteral(" … ") + fileName(paths.last());
    }

    QString slideSummary(const QStringList &paths)
    {
        // Spelled out: without a loaded translation, %n leaves "image(s)" as it is.
        return (paths.size() == 1
                ? QCoreApplication::translate("Export", "wrote 1 slide image: %1")
                : QCoreApplication::translate("Export", "wrote %1 slide images, one per step: %2").arg(paths.size()))
            .arg(listFiles(paths));
    }

    // Steps of a slide build: the images are step first, first..first+1, ... first..last.
    bool checkSlides(StepRange range, QString *error)
    {
        const int count = range.last - range.first + 1;
        if (count > kMaxSlides) {
            *error = QCoreApplication::translate(
                "Export", "a slide build of %1 steps would write %1 files; choose at most %2 steps (--steps FROM:TO)")
                         .arg(count)
                         .arg(kMaxSlides);
            return false;
        }
        return true;
    }

    QImage paintImage(const DiagramRenderer &renderer, StepRange range, int revealedUpTo, qreal scale)
    {
        const QSizeF size = renderer.size(range);
        const QSize pixels = pixelSize(size, scale);
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return image;
        // Transparent to begin with: the renderer paints its theme's background unless the options
        // ask for a transparent one.
        image.fill(Qt::transparent);
        const int dotsPerMeter = qRound(kDpi * scale / 0.0254);
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        QPainter painter(&image);
        setUpPainter(painter);
        painter.scale(scale, scale);
        renderer.paint(&painter, range, revealedUpTo);
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

}

bool resolveRange(const DiagramRenderer &renderer, StepRange requested, StepRange &out, QString *error)
{
    const int count = renderer.stepCount();
    if (count == 0) {
        *error = QCoreApplication::translate("Export", "the diagram has no steps to export");
        return false;
    }
    out.first = requested.first;
    out.last = requested.last < 0 ? count - 1 : requested.last;
    if (out.first < 0 || out.first >= count || out.last >= count || out.first > out.last) {
        *error = QCoreApplication::translate("Export", "steps %1:%2 are not in the diagram, which has steps 1:%3")
                     .arg(requested.first + 1)
                     .arg(requested.last < 0 ? QString() : QString::number(requested.last + 1))
                     .arg(count);
        return false;
    }
    return true;
}

QSize pixelSize(QSizeF logical, qreal scale)
{
    return { int(std::ceil(std::ceil(logical.width()) * scale)), int(std::ceil(std::ceil(logical.height()) * scale)) };
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
            if (renderer.size({ first, mid }).height() <= maxHeight)
                lo = mid;
            else
                hi = mid - 1;
        }
        parts.push_back({ first, lo });
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
    if (!checkScale(options.scale, error) || !resolveRange(renderer, options.steps, range, error))
        return std::nullopt;
    const QSizeF size = renderer.size(range);
    const qreal w = size.width() * options.scale, h = size.height() * options.scale;
    if (w > kMaxPainterPixels || h > kMaxPainterPixels || w * h * 4 > qreal(kMaxTileBytes)) {
        *error = QCoreApplication::translate(
            "Export", "the diagram is too large for one image (%1 × %2 px); export it to a file, or choose fewer steps")
                     .arg(qRound(w))
                     .arg(qRound(h));
        return std::nullopt;
    }
    QImage image = paintImage(renderer, range, -1, options.scale);
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
    if (!checkScale(options.scale, error) || !resolveRange(renderer, options.steps, range, error))
        return false;
    const QSizeF size = renderer.size(range);
    const qreal scale = options.scale;
    const qreal widthPx = pixelSize(size, scale).width();
    if (widthPx > kMaxPainterPixels) {
        *error = QCoreApplication::translate(
            "Export", "the diagram is %1 px wide at scale %2, more than an image can be (%3 px); use a smaller scale")
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
        if (!checkSlides(range, error))
            return false;
        if (size.height() > maxTile) {
            *error = QCoreApplication::translate("Export",
                "one image per step would be %1 px tall, more than an image can be; choose fewer steps (--steps)")
                         .arg(qRound(size.height() * scale));
            return false;
        }
        for (int step = range.first; step <= range.last; ++step) {
            const QImage image = paintImage(renderer, range, step, scale);
            if (image.isNull()) {
                *error
                    = QCoreApplication::translate("Export", "not enough memory for the image of step %1").arg(step + 1);
                return false;
            }
            QByteArray bytes;
            if (!encodePng(image, bytes, error))
                return false;
            contents << bytes;
        }
        paths = numberedPaths(path, int(contents.size()));
        if (!commitAll(paths, contents, error, result))
            return false;
        result->summary = slideSummary(paths);
        return true;
    }

    const std::vector<StepRange> tiles = splitSteps(renderer, range, maxTile);
    for (const StepRange &tile : tiles) {
        const QImage image = paintImage(renderer, tile, -1, scale);
        if (image.isNull()) {
            *error = QCoreApplication::translate("Export", "not enough memory for a %1 × %2 px image")
                         .arg(widthPx)
                         .arg(std::ceil(renderer.size(tile).height() * scale));
            return false;
        }
        QByteArray bytes;
        if (!encodePng(image, bytes, error))
            return false;
        contents << bytes;
    }
    paths = contents.size() == 1 ? QStringList { path } : numberedPaths(path, int(contents.size()));
    if (!commitAll(paths, contents, error, result))
        return false;
    if (paths.size() > 1) {
        result->summary = QCoreApplication::translate(
            "Export", "wrote %1 tiles, top to bottom: %2 (the diagram is %3 px tall; one image stops at %4 px)")
                              .arg(paths.size())
                              .arg(listFiles(paths))
                              .arg(qRound(size.height() * scale))
                              .arg(qRound(maxTilePx));
    }
    return true;
}

namespace {
    QByteArray svgOf(const DiagramRenderer &renderer, StepRange range, int revealedUpTo, const QString &title)
    {
        const QSizeF size = renderer.size(range);
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
        renderer.paint(&painter, range, revealedUpTo);
        painter.end();
        return bytes;
    }
}

bool writeSvg(const DiagramRenderer &renderer, const QString &path, const Export::Options &options, QString *error,
    Export::Result *result)
{
    StepRange range;
    if (!resolveRange(renderer, options.steps, range, error))
        return false;
    const QString title = QFileInfo(path).completeBaseName();
    if (!options.perStep) {
        if (!AtomicFile::write(path, svgOf(renderer, range, -1, title), error))
            return false;
        result->files = { path };
        return true;
    }
    if (!checkSlides(range, error))
        return false;
    QList<QByteArray> contents;
    for (int step = range.first; step <= range.last; ++step)
        contents << svgOf(renderer, range, step, title);
    const QStringList paths = numberedPaths(path, int(contents.size()));
    if (!commitAll(paths, contents, error, result))
        return false;
    result->summary = slideSummary(paths);
    return true;
}

namespace {
    QPageSize pageOf(QSizeF pixels)
    {
        return QPageSize(pixels * 72.0 / kDpi, QPageSize::Point, QString(), QPageSize::ExactMatch);
    }
}

bool writePdf(const DiagramRenderer &renderer, const QString &path, const Export::Options &options, QString *error,
    Export::Result *result)
{
    StepRange range;
    if (!resolveRange(renderer, options.steps, range, error))
        return false;
    const QSizeF size = renderer.size(range);
    if (options.perStep && !checkSlides(range, error))
        return false;
    if (!options.handout
        && (size.width() > kMaxPdfPagePixels || (options.perStep && size.height() > kMaxPdfPagePixels))) {
        *error = QCoreApplication::translate("Export",
            "the diagram (%1 × %2 in) does not fit a PDF page (at most 200 in); choose fewer steps or the handout mode")
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
                pdf.setPageLayout(QPageLayout(
                    options.handoutPage, QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
                const QRectF paper = pdf.pageLayout().paintRectPixels(int(kDpi));
                const qreal fit = std::min<qreal>(1, paper.width() / size.width());
                if (!begin())
                    return false;
                for (const StepRange &part : splitSteps(renderer, range, paper.height() / fit)) {
                    if (pages++ > 0)
                        pdf.newPage();
                    painter.save();
                    painter.scale(fit, fit);
                    renderer.paint(&painter, part);
                    painter.restore();
                }
                return true;
            }
            pdf.setPageMargins(QMarginsF());
            if (options.perStep) {
                // Same page size for every step, so the pages overlay when flipped through.
                pdf.setPageSize(pageOf(size));
                if (!begin())
                    return false;
                for (int step = range.first; step <= range.last; ++step) {
                    if (pages++ > 0)
                        pdf.newPage();
                    renderer.paint(&painter, range, step);
                }
                return true;
            }
            for (const StepRange &part : splitSteps(renderer, range, kMaxPdfPagePixels)) {
                pdf.setPageSize(pageOf(renderer.size(part)));
                if (pages++ > 0)
                    pdf.newPage();
                else if (!begin())
                    return false;
                renderer.paint(&painter, part);
            }
            return true;
        },
        error);
    if (!ok)
        return false;
    result->files = { path };
    if (options.perStep) {
        result->summary = QCoreApplication::translate("Export", "wrote %1 pages, one per step, to %2")
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

}
