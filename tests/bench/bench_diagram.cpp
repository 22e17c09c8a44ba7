// SPDX-License-Identifier: GPL-3.0-or-later
// How fast the sequence diagram lays out and paints, and how much its layout holds, for generated
// traces of growing size. Paint time of one screenful must not grow with the trace (aim: under
// 4 ms, a quarter of a 60 Hz frame); layout of a million segments aims under a second.
// Prints figures; asserts nothing about time.

#include "diagram/diagramrenderer.h"
#include "diagram/generatedtrace.h"
#include "views.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>

namespace {

struct Figures {
    double layoutMs = 0;
    double bytesPerSegment = 0;
    double coldPaintMs = 0; // first paint of the window: labels made
    double warmPaintMs = 0; // median of repaints
    qsizetype rowsPainted = 0;
};

Figures measure(const Trace &trace, qsizetype segments, LayoutMode mode, int repeats)
{
    Figures f;
    DiagramOptions options;
    options.layout = mode;
    QElapsedTimer timer;
    timer.start();
    const DiagramRenderer renderer(trace, options);
    f.layoutMs = double(timer.nsecsElapsed()) / 1e6;
    f.bytesPerSegment = double(renderer.layout().memoryBytes()) / double(segments);

    // One screenful in the middle of the trace, as the view paints it.
    QImage image(1280, 800, QImage::Format_ARGB32_Premultiplied);
    const DiagramLayout &layout = renderer.layout();
    const qreal top = layout.rowY(layout.rowCount() / 2);
    const QRectF clip(0, top, image.width(), image.height());
    std::vector<double> times;
    for (int i = 0; i <= repeats; ++i) {
        image.fill(Qt::white);
        renderer.paintStats() = {};
        QPainter p(&image);
        p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        p.translate(0, -top);
        timer.restart();
        renderer.paintArea(&p, clip, -1, {});
        p.end(); // a raster painter's work is done by now
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (i == 0) {
            f.coldPaintMs = ms;
            f.rowsPainted = renderer.paintStats().rows;
        } else {
            times.push_back(ms);
        }
    }
    std::nth_element(times.begin(), times.begin() + qsizetype(times.size() / 2), times.end());
    f.warmPaintMs = times[times.size() / 2];
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_FONT_DPI", "96");
    QApplication app(argc, argv);
    views::installBundledFont(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints how fast the sequence diagram lays out and paints."));
    parser.addHelpOption();
    const QCommandLineOption sizesOption(
        QStringLiteral("sizes"),
        QStringLiteral("Trace sizes in segments, comma-separated (default 100,10000,1000000)."), QStringLiteral("list"),
        QStringLiteral("100,10000,1000000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Repaints to time; the median is shown (default 30)."),
                                          QStringLiteral("n"), QStringLiteral("30"));
    parser.addOption(sizesOption);
    parser.addOption(repeatOption);
    parser.process(app);
    std::vector<qsizetype> sizes;
    for (const QString &s : parser.value(sizesOption).split(u',')) {
        bool ok = false;
        const qsizetype n = s.toLongLong(&ok);
        if (!ok || n < 4) {
            std::fprintf(stderr, "bench_diagram: --sizes takes numbers of segments >= 4, not \"%s\"\n", qPrintable(s));
            return 2;
        }
        sizes.push_back(n);
    }
    bool okRepeat = false;
    const int repeats = parser.value(repeatOption).toInt(&okRepeat);
    if (!okRepeat || repeats < 1) {
        std::fprintf(stderr, "bench_diagram: --repeat takes a positive number\n");
        return 2;
    }

    std::printf("SynScope diagram benchmark (generated traces; one screenful = 1280x800 px at 10 pt)\n\n");
    std::printf("  %-34s %10s %10s %12s %12s %8s\n", "trace", "layout ms", "bytes/seg", "paint ms 1st", "paint ms",
                "rows");
    for (const qsizetype n : sizes) {
        for (int shape = 0; shape < 2; ++shape) {
            // Lab-shaped: every segment sent and delivered (two events). Capture-shaped: seen once.
            Trace trace;
            generated::Builder b(trace);
            if (shape == 0) {
                generated::handshake(b);
            } else {
                using namespace generated;
                b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
                b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1);
                b.send(Side::Client, TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
            }
            generated::transfer(b, n - 3, shape == 0);
            const LayoutMode mode = shape == 0 ? LayoutMode::ByStep : LayoutMode::ByTime;
            const Figures f = measure(trace, n, mode, repeats);
            const QString name = QStringLiteral("%1 segments, %2")
                                     .arg(n)
                                     .arg(shape == 0 ? u"lab-like, by step"_qs : u"capture-like, by time"_qs);
            std::printf("  %-34s %10.1f %10.1f %12.2f %12.2f %8lld\n", qPrintable(name), f.layoutMs, f.bytesPerSegment,
                        f.coldPaintMs, f.warmPaintMs, qlonglong(f.rowsPainted));
            std::fflush(stdout);
        }
    }
    return 0;
}
