// SPDX-License-Identifier: GPL-3.0-or-later
// Export time in every format, for a one-slide diagram (handshake and close) and for a
// 10,000-segment trace. Both traces are generated (TraceInfo.source = "generated"). Prints
// figures; asserts nothing about time. The aim: under 100 ms for a one-slide diagram in every format.
//
//   bench_export [--runs N] [--segments N] [--smoke]
//   --smoke: the small trace only, one run (what CTest runs, to keep the bench working).

#include "export/export.h"
#include "export/generatedtrace.h"
#include "trace/trace.h"
#include "views.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

namespace {

struct Figure {
    double medianMs = 0;
    double minMs = 0;
    int files = 0;
};

bool measure(const Trace &trace, Export::Format format, const QString &path, int runs, Figure &out, QString *error)
{
    std::vector<double> ms;
    Export::Result result;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!Export::write(trace, format, path, {}, error, &result)) return false;
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    out.medianMs = ms[ms.size() / 2];
    out.minMs = ms.front();
    out.files = int(result.files.size());
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    views::installBundledFont(app);
    const QStringList args = app.arguments();
    const bool smoke = args.contains(QStringLiteral("--smoke"));
    int runs = smoke ? 1 : 5;
    int segments = 10000;
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i > 0 && i + 1 < args.size())
        runs = qMax(1, args[i + 1].toInt());
    if (const qsizetype i = args.indexOf(QStringLiteral("--segments")); i > 0 && i + 1 < args.size())
        segments = qMax(8, args[i + 1].toInt());

    QTemporaryDir dir;
    QTextStream out(stdout);
    Trace small;
    GeneratedTrace::build(small, 0); // 3-segment handshake and 4-segment close: one slide
    Trace large;
    if (!smoke) GeneratedTrace::build(large, (segments - 8) / 2); // 3 + 2n + 1 + 4 segments

    out << "Export time per format (generated traces; median of " << runs << " runs, ms)\n";
    out << QStringLiteral("%1 %2 %3")
               .arg(QStringLiteral("format"), -10)
               .arg(QStringLiteral("one slide"), 12)
               .arg(smoke ? QString() : QStringLiteral("%1 segments").arg(segments), 26)
        << "\n";
    int failures = 0;
    for (Export::Format f : Export::allFormats()) {
        const QString name = Export::formatName(f);
        const QString path = dir.filePath(QStringLiteral("bench.") + Export::fileExtension(f));
        QString error;
        Figure a, b;
        QString line = QStringLiteral("%1").arg(name, -10);
        if (measure(small, f, path, runs, a, &error)) {
            line += QStringLiteral(" %1").arg(a.medianMs, 12, 'f', 1);
        } else {
            line += QStringLiteral(" failed: ") + error;
            ++failures;
        }
        if (!smoke) {
            if (measure(large, f, path, qMin(runs, 3), b, &error)) {
                line += QStringLiteral(" %1").arg(b.medianMs, 12, 'f', 1);
                if (b.files > 1) line += QStringLiteral(" (%1 files)").arg(b.files);
            } else {
                line += QStringLiteral(" failed: ") + error;
                ++failures;
            }
        }
        out << line << Qt::endl;
    }
    return failures ? 1 : 0;
}
