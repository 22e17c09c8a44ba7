// SPDX-License-Identifier: GPL-3.0-or-later
// The pcap export: Wireshark's tools and libpcap read back, packet for packet, what was on the
// wire in the trace — same flags, numbers, lengths, bytes and times, dropped segments and the
// wire's copies included.

#include "files/atomicfile.h"
#include "io/pcapexport.h"
#include "support/generatedtrace.h"
#include "testmain.h"
#include "trace/trace.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <pcap/pcap.h>

namespace {

struct Wire {
    quint8 flags;
    quint32 seq;
    quint32 ack;
    quint32 len;
    friend bool operator==(const Wire &, const Wire &) = default;
};

char *toString(const Wire &w)
{
    return QTest::toString(
        QStringLiteral("flags=%1 seq=%2 ack=%3 len=%4").arg(w.flags).arg(w.seq).arg(w.ack).arg(w.len));
}

// What the trace says was on the wire: each Send, and each copy the wire made.
QList<qsizetype> wireEvents(const Trace &trace)
{
    QList<qsizetype> out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const EventKind k = trace.at(i).kind;
        if (k == EventKind::Send || k == EventKind::Duplicate) out.append(i);
    }
    return out;
}

Wire wireOf(const Event &e)
{
    return {e.flags, e.seq, e.ack, e.length};
}

} // namespace

class TestPcapExport : public QObject {
    Q_OBJECT
private slots:
    void libpcapReadsBackEveryPacket();
    void tsharkSeesTheSameSegments();
    void emptyTraceIsAValidCapture();

private:
    QString writeCapture(const Trace &trace);
    QTemporaryDir m_dir;
};

QString TestPcapExport::writeCapture(const Trace &trace)
{
    QString error;
    const std::optional<QByteArray> bytes = PcapExport::encode(trace, &error);
    if (!bytes) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    const QString path = m_dir.filePath(QStringLiteral("trace.pcap"));
    if (!AtomicFile::write(path, *bytes, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return path;
}

void TestPcapExport::libpcapReadsBackEveryPacket()
{
    Trace trace;
    generated::build(trace, 5);
    const QString path = writeCapture(trace);
    QVERIFY(!path.isEmpty());

    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t *p = pcap_open_offline_with_tstamp_precision(qPrintable(path), PCAP_TSTAMP_PRECISION_NANO, errbuf);
    QVERIFY2(p, errbuf);
    const auto closer = qScopeGuard([p] { pcap_close(p); });
    QCOMPARE(pcap_datalink(p), DLT_RAW);

    const QList<qsizetype> expected = wireEvents(trace);
    QCOMPARE(PcapExport::packetCount(trace), expected.size());
    // The generated trace has a dropped segment and a wire copy: both must be in the capture.
    bool sawDropped = false, sawCopy = false;
    const qint64 originNs = trace.info().wallClockOrigin.toMSecsSinceEpoch() * 1000000;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    qsizetype n = 0;
    while (pcap_next_ex(p, &header, &data) == 1) {
        QVERIFY2(n < expected.size(), "more packets in the capture than on the wire");
        const Event &e = trace.at(expected[n]);
        const QByteArrayView sent = trace.packet(e);
        QCOMPARE(qsizetype(header->caplen), sent.size());
        QCOMPARE(qsizetype(header->len), sent.size());
        QCOMPARE(QByteArrayView(reinterpret_cast<const char *>(data), header->caplen), sent);
        QCOMPARE(qint64(header->ts.tv_sec) * 1000000000 + header->ts.tv_usec, originNs + e.tNs);
        for (qsizetype j = expected[n] + 1; j < trace.size(); ++j) {
            const Event &later = trace.at(j);
            sawDropped = sawDropped || (later.kind == EventKind::Drop && qsizetype(later.ref) == expected[n]);
        }
        sawCopy = sawCopy || e.kind == EventKind::Duplicate;
        ++n;
    }
    QCOMPARE(n, expected.size());
    QVERIFY(sawDropped);
    QVERIFY(sawCopy);
}

void TestPcapExport::tsharkSeesTheSameSegments()
{
    const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    if (tshark.isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true")
            QFAIL("tshark is not installed (the test command installs it: apt-get install tshark)");
        QSKIP("tshark is not installed");
    }
    Trace trace;
    generated::build(trace, 4, QStringLiteral("GET / HTTP/1.0\r\n\r\n"));
    const QString path = writeCapture(trace);
    QVERIFY(!path.isEmpty());

    QProcess proc;
    proc.start(tshark,
               {QStringLiteral("-r"), path, QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                QStringLiteral("tcp.flags"), QStringLiteral("-e"), QStringLiteral("tcp.seq_raw"), QStringLiteral("-e"),
                QStringLiteral("tcp.ack_raw"), QStringLiteral("-e"), QStringLiteral("tcp.len")});
    QVERIFY(proc.waitForFinished(60000));
    QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
    const QList<QByteArray> lines = proc.readAllStandardOutput().trimmed().split('\n');

    const QList<qsizetype> expected = wireEvents(trace);
    QCOMPARE(lines.size(), expected.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QList<QByteArray> f = lines[i].split('\t');
        QCOMPARE(f.size(), 4);
        bool ok[4] = {};
        const Wire seen {quint8(f[0].toUInt(&ok[0], 0)), quint32(f[1].toULong(&ok[1])), quint32(f[2].toULong(&ok[2])),
                         quint32(f[3].toUInt(&ok[3]))};
        QVERIFY2(ok[0] && ok[1] && ok[2] && ok[3], lines[i].constData());
        Wire want = wireOf(trace.at(expected[i]));
        // tshark shows the ACK field of a segment without the ACK flag as 0 as well; ours are 0 too.
        QCOMPARE(seen, want);
    }
}

void TestPcapExport::emptyTraceIsAValidCapture()
{
    Trace trace;
    const QString path = writeCapture(trace);
    QVERIFY(!path.isEmpty());
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t *p = pcap_open_offline(qPrintable(path), errbuf);
    QVERIFY2(p, errbuf);
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    QCOMPARE(pcap_next_ex(p, &header, &data), PCAP_ERROR_BREAK);
    pcap_close(p);
}

SYNSCOPE_TEST_MAIN(TestPcapExport)
#include "tst_pcapexport.moc"
