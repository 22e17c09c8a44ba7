// SPDX-License-Identifier: GPL-3.0-or-later
// Capture import at scale. Generates one-connection captures of N segments (labelled generated:
// no kernel sent them), then prints:
//  - for each N up to 40,000: `synscope FILE --stream 0 --export out.txt` against
//    `tshark -r FILE -q -z flow,tcp,network` on the same file, and the ratio;
//  - for the largest N: import, layout (by time) and first-paint time in this process, and the
//    memory figure of issue 7: peak resident size less that of the process before the import
//    (empty trace) less the file size, per segment.
// Prints figures only; the CTest smoke run (small N) checks that it still runs.
#include "diagram/diagramrenderer.h"
#include "io/capturewriter.h"
#include "io/pcapimport.h"
#include "trace/trace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

// VmHWM (peak resident set) of this process, in bytes.
qint64 peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

// One connection: handshake, then data segments of 100 bytes each answered by an ACK, then FIN,
// FIN, ACK; `segments` in all. Written frame by frame: nothing is held in memory.
bool generate(const QString &path, qint64 segments)
{
    pcap_t *dead = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, 262144, PCAP_TSTAMP_PRECISION_NANO);
    pcap_dumper_t *dumper = pcap_dump_open(dead, QFile::encodeName(path).constData());
    if (!dumper) {
        pcap_close(dead);
        return false;
    }
    CaptureWriter::Segment s;
    const quint32 client = 0x0a010001, server = 0x0a010002;
    qint64 t = qint64(1700000000) * 1000000000;
    quint32 cseq = 1000, sseq = 5000;
    const auto put = [&](bool fromClient, quint8 flags, int payload, int ws = -1) {
        s.src = fromClient ? client : server;
        s.dst = fromClient ? server : client;
        s.sport = fromClient ? 40000 : 80;
        s.dport = fromClient ? 80 : 40000;
        s.seq = fromClient ? cseq : sseq;
        s.ack = (flags & 0x10) ? (fromClient ? sseq : cseq) : 0;
        s.flags = flags;
        s.payload = payload;
        s.windowScale = ws;
        s.timeNs = t;
        t += 20000; // 20 µs apart
        const QByteArray f = CaptureWriter::frame(CaptureWriter::Link::Ethernet, CaptureWriter::ipPacket(s));
        pcap_pkthdr h {};
        h.ts.tv_sec = time_t(s.timeNs / 1000000000);
        h.ts.tv_usec = suseconds_t(s.timeNs % 1000000000);
        h.caplen = h.len = bpf_u_int32(f.size());
        pcap_dump(reinterpret_cast<u_char *>(dumper), &h, reinterpret_cast<const u_char *>(f.constData()));
        const quint32 advance = quint32(payload) + ((flags & 0x03) ? 1 : 0);
        (fromClient ? cseq : sseq) += advance;
    };
    put(true, 0x02, 0, 7);
    put(false, 0x12, 0, 7);
    put(true, 0x10, 0);
    for (qint64 i = 0; i < segments - 6; ++i)
        put(i % 2 == 0, i % 2 == 0 ? 0x18 : 0x10, i % 2 == 0 ? 100 : 0);
    put(true, 0x11, 0);
    put(false, 0x11, 0);
    put(true, 0x10, 0);
    pcap_dump_close(dumper);
    pcap_close(dead);
    return true;
}

struct Timing {
    double wall = -1; // seconds; -1 when the command failed
    double cpu = 0; // user + system seconds of the command: fairer on a busy machine
};

double childCpu()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Wall and CPU time of a command whose output is thrown away.
Timing timeCommand(const QString &program, const QStringList &args, int timeoutMs)
{
    const double cpuBefore = childCpu();
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {double(timer.nsecsElapsed()) / 1e9, childCpu() - cpuBefore};
}

} // namespace

int main(int argc, char **argv)
{
    // Painting needs a GUI application; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("compare"), QStringLiteral("Segments of the file timed against tshark."),
                      QStringLiteral("n"), QStringLiteral("40000")});
    parser.addOption({QStringLiteral("scale"), QStringLiteral("Segments of the file imported for the memory figure."),
                      QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addHelpOption();
    parser.process(app);
    const qint64 compareN = parser.value(QStringLiteral("compare")).toLongLong();
    const qint64 scaleN = parser.value(QStringLiteral("scale")).toLongLong();
    QString synscope = qEnvironmentVariable("SYNSCOPE_APP");
    if (synscope.isEmpty()) synscope = QStringLiteral(SYNSCOPE_BENCH_APP);
    const QString dir = QDir::tempPath();
    bool ok = true;

    // Side by side with tshark's flow on the same file.
    {
        const QString file = dir + QStringLiteral("/synscope-bench-%1-%2.pcap").arg(compareN).arg(getpid());
        const QString txt = file + QStringLiteral(".txt");
        if (!generate(file, compareN)) {
            out() << "cannot write " << file << Qt::endl;
            return 1;
        }
        const Timing mine = timeCommand(
            synscope, {file, QStringLiteral("--stream"), QStringLiteral("0"), QStringLiteral("--export"), txt}, 600000);
        out() << QStringLiteral("%1 segments (%2 MB): synscope FILE --stream 0 --export out.txt  %3 s (CPU %4 s)")
                     .arg(compareN)
                     .arg(double(QFileInfo(file).size()) / 1e6, 0, 'f', 1)
                     .arg(mine.wall, 0, 'f', 3)
                     .arg(mine.cpu, 0, 'f', 3)
              << Qt::endl;
        ok = ok && mine.wall >= 0;
        if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty()) {
            out() << "tshark is not installed: no comparison (bash app/setup.sh test installs it)" << Qt::endl;
        } else {
            const Timing theirs = timeCommand(QStringLiteral("tshark"),
                                              {QStringLiteral("-r"), file, QStringLiteral("-q"), QStringLiteral("-z"),
                                               QStringLiteral("flow,tcp,network")},
                                              3600000);
            out() << QStringLiteral("%1 segments: tshark -r FILE -q -z flow,tcp,network  %2 s (CPU %3 s)")
                         .arg(compareN)
                         .arg(theirs.wall, 0, 'f', 3)
                         .arg(theirs.cpu, 0, 'f', 3)
                  << Qt::endl;
            if (theirs.wall > 0 && mine.wall > 0)
                out() << QStringLiteral("ratio: SynScope is %1x faster than tshark (wall), %2x (CPU)")
                             .arg(theirs.wall / mine.wall, 0, 'f', 1)
                             .arg(mine.cpu > 0 ? theirs.cpu / mine.cpu : 0.0, 0, 'f', 1)
                      << Qt::endl;
        }
        QFile::remove(file);
        QFile::remove(txt);
    }

    // Scale: import in this process, memory beyond an empty trace and the file.
    {
        const QString file = dir + QStringLiteral("/synscope-bench-%1-%2.pcap").arg(scaleN).arg(getpid());
        if (!generate(file, scaleN)) {
            out() << "cannot write " << file << Qt::endl;
            return 1;
        }
        const qint64 fileSize = QFileInfo(file).size();
        Trace trace;
        const qint64 before = peakRss();
        QElapsedTimer timer;
        timer.start();
        QString error;
        if (!CaptureImport::open(file, 0, trace, &error)) {
            out() << "import failed: " << error << Qt::endl;
            ok = false;
        }
        const double importS = double(timer.nsecsElapsed()) / 1e9;
        const qint64 after = peakRss();
        const double perSegment = double(after - before - fileSize) / double(scaleN);
        out() << QStringLiteral("%1 segments (%2 MB): import %3 s, %4 events; peak RSS %5 MB before, %6 MB after")
                     .arg(scaleN)
                     .arg(double(fileSize) / 1e6, 0, 'f', 1)
                     .arg(importS, 0, 'f', 3)
                     .arg(trace.size())
                     .arg(double(before) / 1e6, 0, 'f', 1)
                     .arg(double(after) / 1e6, 0, 'f', 1)
              << Qt::endl;
        out() << QStringLiteral("memory: %1 bytes per segment beyond an empty trace and the file (budget 200)")
                     .arg(perSegment, 0, 'f', 1)
              << Qt::endl;
        // The diagram of the import: layout by time (linear) and the first screen painted.
        timer.restart();
        DiagramOptions options;
        options.layout = LayoutMode::ByTime;
        DiagramRenderer renderer(trace, options);
        const double layoutS = double(timer.nsecsElapsed()) / 1e9;
        timer.restart();
        QImage screen(1280, 800, QImage::Format_ARGB32_Premultiplied);
        screen.fill(Qt::white);
        {
            QPainter painter(&screen);
            renderer.paintHeader(&painter);
            painter.translate(0, renderer.layout().headerHeight());
            renderer.paintArea(&painter, QRectF(0, 0, 1280, 800), -1, {});
        }
        const double paintS = double(timer.nsecsElapsed()) / 1e9;
        const qint64 afterLayout = peakRss();
        out() << QStringLiteral("%1 segments: import %2 s + layout %3 s + first paint %4 s = %5 s (%6 rows)")
                     .arg(scaleN)
                     .arg(importS, 0, 'f', 3)
                     .arg(layoutS, 0, 'f', 3)
                     .arg(paintS, 0, 'f', 3)
                     .arg(importS + layoutS + paintS, 0, 'f', 3)
                     .arg(renderer.stepCount())
              << Qt::endl;
        out() << QStringLiteral("memory with the layout: %1 bytes per segment beyond an empty trace and the file")
                     .arg(double(afterLayout - before - fileSize) / double(scaleN), 0, 'f', 1)
              << Qt::endl;

        const QString txt = file + QStringLiteral(".txt");
        const Timing exported = timeCommand(
            synscope, {file, QStringLiteral("--stream"), QStringLiteral("0"), QStringLiteral("--export"), txt}, 600000);
        out() << QStringLiteral("%1 segments: synscope FILE --stream 0 --export out.txt  %2 s (CPU %3 s)")
                     .arg(scaleN)
                     .arg(exported.wall, 0, 'f', 3)
                     .arg(exported.cpu, 0, 'f', 3)
              << Qt::endl;
        ok = ok && exported.wall >= 0;
        QFile::remove(file);
        QFile::remove(txt);
    }
    return ok ? 0 : 1;
}
