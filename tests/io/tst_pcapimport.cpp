// SPDX-License-Identifier: GPL-3.0-or-later
// Capture import: generated captures for every link type SynScope reads, pcapng made from them
// with editcap and mergecap, read back to the same segments; stream numbers and analysis marks
// compared with tshark on the same files; bad files give one precise message.
#include "io/capturereader.h"
#include "io/pcapimport.h"
#include "scenario.h"
#include "testmain.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"
#include "trace/tracejson.h"
#include "wildcases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using CaptureWriter::Link;

namespace {

// tshark and its tools come with `bash app/setup.sh test`; a developer without them skips, CI fails.
bool haveTool(const QString &name)
{
    if (!QStandardPaths::findExecutable(name).isEmpty()) return true;
    if (qEnvironmentVariable("CI") == u"true")
        qWarning("%s is missing (bash app/setup.sh test installs it)", qPrintable(name));
    return false;
}
#define REQUIRE_TOOL(name)                                                                                             \
    do {                                                                                                               \
        if (!haveTool(QStringLiteral(name))) {                                                                         \
            if (qEnvironmentVariable("CI") == u"true") QFAIL(name " is missing");                                      \
            QSKIP(name " is not installed");                                                                           \
        }                                                                                                              \
    } while (false)

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(u' ')),
                 p.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

// One frame as tshark sees it: its tcp.stream (-1 when not TCP) and analysis marks.
struct TsharkFrame {
    int stream = -1;
    quint8 marks = 0;
};

std::vector<TsharkFrame> tshark(const QString &file)
{
    // One run for everything: with -T json, a flag tshark sets (an expert field without a value)
    // shows up as a key of the frame's layers.
    const QString json =
        run(QStringLiteral("tshark"),
            {QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("json"), QStringLiteral("-e"),
             QStringLiteral("frame.number"), QStringLiteral("-e"), QStringLiteral("tcp.stream"), QStringLiteral("-e"),
             QStringLiteral("tcp.analysis.retransmission"), QStringLiteral("-e"),
             QStringLiteral("tcp.analysis.duplicate_ack"), QStringLiteral("-e"),
             QStringLiteral("tcp.analysis.out_of_order"), QStringLiteral("-e"),
             QStringLiteral("tcp.analysis.zero_window")});
    const std::pair<QLatin1StringView, quint8> flags[] {
        {QLatin1StringView("tcp.analysis.retransmission"), EventMark::Retransmission},
        {QLatin1StringView("tcp.analysis.duplicate_ack"), EventMark::DuplicateAck},
        {QLatin1StringView("tcp.analysis.out_of_order"), EventMark::OutOfOrder},
        {QLatin1StringView("tcp.analysis.zero_window"), EventMark::ZeroWindow}};
    std::vector<TsharkFrame> frames;
    const QJsonArray packets = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &packet : packets) {
        const QJsonObject layers = packet[u"_source"][u"layers"].toObject();
        TsharkFrame f;
        const QJsonArray stream = layers.value(u"tcp.stream").toArray();
        f.stream = stream.isEmpty() ? -1 : stream.at(0).toString().toInt();
        for (const auto &[key, mark] : flags) {
            if (layers.contains(key)) f.marks |= mark;
        }
        frames.push_back(f);
    }
    return frames;
}

QString markText(quint8 m)
{
    QStringList s;
    if (m & EventMark::Retransmission) s << QStringLiteral("retransmission");
    if (m & EventMark::DuplicateAck) s << QStringLiteral("dup-ack");
    if (m & EventMark::OutOfOrder) s << QStringLiteral("out-of-order");
    if (m & EventMark::ZeroWindow) s << QStringLiteral("zero-window");
    return u'[' + s.join(u',') + u']';
}

constexpr quint8 kAnalysis =
    EventMark::Retransmission | EventMark::DuplicateAck | EventMark::OutOfOrder | EventMark::ZeroWindow;

} // namespace

class TestPcapImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString writeScenario(const QString &name, Link link)
    {
        QString error;
        const QString file = path(name);
        if (!GeneratedCapture::write(file, link, &error))
            qWarning("cannot write %s: %s", qPrintable(file), qPrintable(error));
        return file;
    }

    // Every stream of the file imported, its segments as generated, and their marks as tshark's.
    void checkAgainstGenerated(const QString &file)
    {
        std::vector<Conversation> list;
        QString error;
        QVERIFY2(CaptureImport::conversations(file, list, &error), qPrintable(error));
        QCOMPARE(list.size(), size_t(5));
        QCOMPARE(list[0].client, QStringLiteral("10.1.0.1:40000"));
        QCOMPARE(list[0].server, QStringLiteral("10.1.0.2:80"));
        QCOMPARE(list[0].end, Conversation::End::Fin);
        QVERIFY(list[0].sawSyn);
        QCOMPARE(list[1].end, Conversation::End::Rst);
        QCOMPARE(list[2].client, QStringLiteral("10.1.0.2:22")); // no SYN: the first sender
        QCOMPARE(list[2].end, Conversation::End::Open);
        QVERIFY(!list[2].sawSyn);
        QCOMPARE(list[3].client, QStringLiteral("[2001:db8::1]:40002"));
        QCOMPARE(list[4].client, QStringLiteral("10.1.0.1:40000"));
        QCOMPARE(list[4].end, Conversation::End::Rst);

        // The generated segments of each stream, in order.
        const std::vector<CaptureWriter::Segment> generated = GeneratedCapture::segments();
        quint64 total = 0;
        for (const Conversation &c : list) {
            Trace trace;
            QVERIFY2(CaptureImport::open(file, c.stream, trace, &error), qPrintable(error));
            QCOMPARE(trace.info().source, QStringLiteral("capture"));
            QCOMPARE(trace.info().clientAddress, c.client);
            qsizetype sends = 0;
            for (qsizetype i = 0; i < trace.size(); ++i) {
                const Event &e = trace.at(i);
                if (e.kind == EventKind::Send) {
                    ++sends;
                    TcpSegment s;
                    const QByteArrayView packet = trace.packet(e);
                    QCOMPARE(parseIpTcp(reinterpret_cast<const uchar *>(packet.data()), packet.size(), s),
                             ParseStatus::Ok);
                    QCOMPARE(s.seq, e.seq);
                    QCOMPARE(s.flags, e.flags);
                    QCOMPARE(qsizetype(s.ipLength), packet.size()); // Ethernet padding is not part of it
                } else {
                    QCOMPARE(e.kind, EventKind::State);
                    QVERIFY(e.marks & EventMark::Inferred);
                }
            }
            QCOMPARE(quint64(sends), c.segments);
            total += c.segments;
            if (c.stream == 0) {
                // Times as written, whichever reader read them (pcapng timestamps included).
                std::vector<qint64> times;
                for (const CaptureWriter::Segment &g : generated) {
                    if ((g.sport == 40000 || g.dport == 40000) && g.timeNs < GeneratedCapture::ms(1000))
                        times.push_back(g.timeNs - generated.front().timeNs);
                }
                std::vector<qint64> mine;
                for (qsizetype i = 0; i < trace.size(); ++i) {
                    if (trace.at(i).kind == EventKind::Send) mine.push_back(trace.at(i).tNs);
                }
                QVERIFY(mine == times);
                QCOMPARE(trace.info().wallClockOrigin.toMSecsSinceEpoch(), generated.front().timeNs / 1000000);
            }
        }
        QCOMPARE(total, quint64(generated.size() - 1)); // all but the UDP datagram
    }

    void compareWithTshark(const QString &file)
    {
        const std::vector<TsharkFrame> frames = tshark(file);
        QVERIFY(!frames.empty());
        std::vector<Conversation> list;
        QString error;
        QVERIFY2(CaptureImport::conversations(file, list, &error), qPrintable(error));
        int streams = 0;
        for (const TsharkFrame &f : frames)
            streams = qMax(streams, f.stream + 1);
        QCOMPARE(int(list.size()), streams);
        for (const Conversation &c : list) {
            std::vector<size_t> theirs;
            for (size_t i = 0; i < frames.size(); ++i) {
                if (frames[i].stream == c.stream) theirs.push_back(i);
            }
            Trace trace;
            QVERIFY2(CaptureImport::open(file, c.stream, trace, &error), qPrintable(error));
            size_t k = 0;
            for (qsizetype i = 0; i < trace.size(); ++i) {
                const Event &e = trace.at(i);
                if (e.kind != EventKind::Send) continue;
                QVERIFY2(k < theirs.size(),
                         qPrintable(QStringLiteral("stream %1 has more segments than tshark's").arg(c.stream)));
                const quint8 mine = e.marks & kAnalysis;
                const quint8 expected = frames[theirs[k]].marks;
                QVERIFY2(mine == expected,
                         qPrintable(QStringLiteral("%1 frame %2 (stream %3): SynScope %4, tshark %5")
                                        .arg(file)
                                        .arg(theirs[k] + 1)
                                        .arg(c.stream)
                                        .arg(markText(mine), markText(expected))));
                ++k;
            }
            QCOMPARE(k, theirs.size());
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // For a look at the files with Wireshark after a failure.
        if (qEnvironmentVariableIsSet("SYNSCOPE_KEEP_TEST_FILES")) {
            m_dir.setAutoRemove(false);
            qInfo("test files are kept in %s", qPrintable(m_dir.path()));
        }
    }

    void linkTypes_data()
    {
        QTest::addColumn<int>("link");
        QTest::newRow("Ethernet") << int(Link::Ethernet);
        QTest::newRow("Ethernet, 802.1ad + 802.1Q") << int(Link::EthernetVlan);
        QTest::newRow("Linux SLL") << int(Link::Sll);
        QTest::newRow("Linux SLL2") << int(Link::Sll2);
        QTest::newRow("BSD null, little-endian") << int(Link::NullLittle);
        QTest::newRow("BSD null, big-endian") << int(Link::NullBig);
        QTest::newRow("OpenBSD loop") << int(Link::Loop);
        QTest::newRow("raw IP") << int(Link::Raw);
    }
    void linkTypes()
    {
        QFETCH(int, link);
        const QString file = writeScenario(QStringLiteral("link%1.pcap").arg(link), Link(link));
        checkAgainstGenerated(file);
    }

    // The analysis does not depend on the link type; these cover both IP versions and VLAN tags.
    void tsharkAgrees_data()
    {
        QTest::addColumn<int>("link");
        QTest::newRow("Ethernet, 802.1ad + 802.1Q") << int(Link::EthernetVlan);
        QTest::newRow("BSD null, big-endian") << int(Link::NullBig);
    }
    void tsharkAgrees()
    {
        REQUIRE_TOOL("tshark");
        QFETCH(int, link);
        compareWithTshark(writeScenario(QStringLiteral("tshark%1.pcap").arg(link), Link(link)));
    }

    // Messy transfers from the seeded generator of the wild captures (WildCases::randomSegments, the
    // same file every run): losses before the
    // capture point, reordering, retransmissions soon and late, duplicate ACKs, window changes,
    // zero windows and probes, keep-alives; Wireshark's analysis must come out the same.
    void randomisedAgainstTshark_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 7u, 42u, 1234u})
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void randomisedAgainstTshark()
    {
        REQUIRE_TOOL("tshark");
        QFETCH(quint32, seed);
        const std::vector<CaptureWriter::Segment> segments = WildCases::randomSegments(seed);
        const QString file = path(QStringLiteral("random%1.pcap").arg(seed));
        QString error;
        QVERIFY2(CaptureWriter::write(file, Link::Ethernet, segments, &error), qPrintable(error));
        compareWithTshark(file);
    }

    void pcapng()
    {
        REQUIRE_TOOL("editcap");
        const QString pcap = writeScenario(QStringLiteral("ng.pcap"), Link::Sll2);
        const QString ng = path(QStringLiteral("ng.pcapng"));
        run(QStringLiteral("editcap"), {QStringLiteral("-F"), QStringLiteral("pcapng"), pcap, ng});
        QVERIFY(QFile::exists(ng));
        CaptureReader reader;
        QString error;
        QVERIFY2(reader.open(ng, &error), qPrintable(error));
        QVERIFY(!reader.usesOwnPcapngReader());
        checkAgainstGenerated(ng);
        if (haveTool(QStringLiteral("tshark"))) compareWithTshark(ng);
    }

    // mergecap writes one interface per input file: Ethernet and Linux SLL here, which libpcap 1.10
    // refuses to read; SynScope reads such files with its own pcapng block reader.
    void mixedLinkTypes()
    {
        REQUIRE_TOOL("mergecap");
        REQUIRE_TOOL("editcap");
        const QString ether = writeScenario(QStringLiteral("mixed-eth.pcap"), Link::Ethernet);
        const QString sll = writeScenario(QStringLiteral("mixed-sll.pcap"), Link::Sll);
        // Each file keeps half of the frames (odd and even), so the merge holds every frame once.
        const QString etherOdd = path(QStringLiteral("mixed-eth-odd.pcap"));
        const QString sllEven = path(QStringLiteral("mixed-sll-even.pcap"));
        const int frames = int(GeneratedCapture::segments().size());
        QStringList even;
        QStringList odd;
        for (int n = 1; n <= frames; ++n)
            (n % 2 ? odd : even) << QString::number(n);
        run(QStringLiteral("editcap"), QStringList {ether, etherOdd} + even); // deletes the even ones
        run(QStringLiteral("editcap"), QStringList {sll, sllEven} + odd);
        const QString merged = path(QStringLiteral("mixed.pcapng"));
        run(QStringLiteral("mergecap"),
            {QStringLiteral("-F"), QStringLiteral("pcapng"), QStringLiteral("-w"), merged, etherOdd, sllEven});
        QVERIFY(QFile::exists(merged));

        // libpcap alone refuses it (if a later libpcap reads it, the fallback is simply unused).
        char errbuf[PCAP_ERRBUF_SIZE] = {};
        pcap_t *p = pcap_open_offline(merged.toLocal8Bit().constData(), errbuf);
        bool libpcapFailed = !p;
        if (p) {
            pcap_pkthdr *h = nullptr;
            const u_char *d = nullptr;
            int status = 0;
            while ((status = pcap_next_ex(p, &h, &d)) == 1) { }
            libpcapFailed = status == PCAP_ERROR;
            pcap_close(p);
        }
        qInfo("libpcap %s on a pcapng with Ethernet and SLL interfaces", libpcapFailed ? "fails" : "succeeds");

        CaptureReader reader;
        QString error;
        QVERIFY2(reader.open(merged, &error), qPrintable(error));
        QVERIFY(reader.usesOwnPcapngReader());
        checkAgainstGenerated(merged);
        if (haveTool(QStringLiteral("tshark"))) compareWithTshark(merged);
    }

    void jsonRoundTrip()
    {
        const QString file = writeScenario(QStringLiteral("json.pcap"), Link::Ethernet);
        for (int stream : {0, 3}) {
            Trace trace;
            QString error;
            QVERIFY2(CaptureImport::open(file, stream, trace, &error), qPrintable(error));
            const QByteArray json = TraceJson::save(trace);
            Trace back;
            QVERIFY2(TraceJson::load(json, back, &error), qPrintable(error));
            QCOMPARE(back.size(), trace.size());
            for (qsizetype i = 0; i < trace.size(); ++i) {
                QCOMPARE(back.at(i).marks, trace.at(i).marks);
                QCOMPARE(back.at(i).tNs, trace.at(i).tNs);
                QCOMPARE(back.packet(back.at(i)), trace.packet(trace.at(i)));
            }
            QCOMPARE(TraceJson::save(back), json);
        }
    }

    void inferredStates()
    {
        const QString file = writeScenario(QStringLiteral("states.pcap"), Link::Raw);
        Trace trace;
        QString error;
        QVERIFY2(CaptureImport::open(file, 0, trace, &error), qPrintable(error));
        QStringList client;
        QStringList server;
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            if (e.kind == EventKind::State) (e.side == Side::Client ? client : server) << tcpStateName(e.state());
        }
        QCOMPARE(client.join(u' '), QStringLiteral("SYN_SENT ESTABLISHED FIN_WAIT_1 FIN_WAIT_2 TIME_WAIT"));
        QCOMPARE(server.join(u' '), QStringLiteral("LISTEN SYN_RCVD ESTABLISHED CLOSE_WAIT LAST_ACK CLOSED"));

        QVERIFY2(CaptureImport::open(file, 2, trace, &error), qPrintable(error)); // joined in the middle
        QCOMPARE(trace.at(1).kind, EventKind::State);
        QCOMPARE(trace.at(1).state(), TcpState::Established);
    }

    void ipv6Parser()
    {
        CaptureWriter::Segment g;
        g.v6 = true;
        g.src6[15] = 1;
        g.dst6[15] = 2;
        g.sport = 1;
        g.dport = 2;
        g.seq = 77;
        g.flags = TcpFlag::Syn;
        g.payload = 5;
        g.ipv6Extension = true;
        const QByteArray packet = CaptureWriter::ipPacket(g);
        const auto parse = [](const QByteArray &p, Completeness need = Completeness::Whole) {
            TcpSegment s;
            return parseIpTcp(reinterpret_cast<const uchar *>(p.constData()), p.size(), s, need);
        };
        TcpSegment s;
        QCOMPARE(parseIpv6Tcp(reinterpret_cast<const uchar *>(packet.constData()), packet.size(), s), ParseStatus::Ok);
        QCOMPARE(s.ipVersion, quint8(6));
        QCOMPARE(s.ipHeaderLength, 40 + 16); // both extension headers walked
        QCOMPARE(s.seq, quint32(77));
        QCOMPARE(s.payloadLength, quint32(5));
        QCOMPARE(s.srcAddr6[15], quint8(1));
        // Every prefix: truncated, never read past the end; with HeadersOnly the payload may be missing.
        for (qsizetype n = 0; n < packet.size(); ++n) {
            const QByteArray prefix = packet.left(n);
            QCOMPARE(parse(prefix), ParseStatus::Truncated);
            QCOMPARE(parse(prefix, Completeness::HeadersOnly),
                     n >= packet.size() - 5 ? ParseStatus::Ok : ParseStatus::Truncated);
        }
        QByteArray fragment = packet;
        fragment[6] = 44; // a fragment header first, then hop-by-hop ... : offset 8, more fragments
        fragment.insert(40, QByteArray::fromHex("0000000900000001"));
        CaptureWriter::put16(fragment, 4, quint16(fragment.size() - 40));
        QCOMPARE(parse(fragment), ParseStatus::Fragment);
        QByteArray atomic = fragment;
        atomic[42] = 0;
        atomic[43] = 0; // offset 0, no more fragments: the whole segment
        QCOMPARE(parse(atomic), ParseStatus::Ok);
        QByteArray esp = packet;
        esp[6] = 50;
        QCOMPARE(parse(esp), ParseStatus::NotTcp);
        QByteArray longExtension = packet;
        longExtension[41] = char(200); // hop-by-hop header claims 1608 bytes
        QCOMPARE(parse(longExtension), ParseStatus::BadIpHeader);
    }

    void streamOutOfRange()
    {
        const QString file = writeScenario(QStringLiteral("range.pcap"), Link::Ethernet);
        Trace trace;
        QString error;
        QVERIFY(!CaptureImport::open(file, 5, trace, &error));
        QVERIFY2(error.contains(u"no TCP stream 5") && error.contains(u"0 to 4"), qPrintable(error));
        QVERIFY(trace.isEmpty());
    }

    void snapLengthCutsHeaders()
    {
        QString error;
        const QString file = path(QStringLiteral("snap.pcap"));
        QVERIFY(GeneratedCapture::write(file, Link::Ethernet, &error, 40));
        std::vector<Conversation> list;
        QVERIFY(!CaptureImport::conversations(file, list, &error));
        QVERIFY2(error.contains(u"record 1 at byte 24") && error.contains(u"snap length")
                     && error.contains(u"kept only 40 of the frame's"),
                 qPrintable(error));
    }

    void snapLengthCutsPayloadOnly()
    {
        QString error;
        const QString file = path(QStringLiteral("snap-payload.pcap"));
        QVERIFY(GeneratedCapture::write(file, Link::Ethernet, &error, 96)); // headers and options fit
        Trace trace;
        QVERIFY2(CaptureImport::open(file, 0, trace, &error), qPrintable(error));
        qsizetype data = 0;
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            if (e.kind == EventKind::Send && e.length == 100) {
                ++data;
                QVERIFY(trace.packet(e).size() < 100); // cut, but the length is the IP header's
            }
        }
        QVERIFY(data > 5);
        Trace back;
        QVERIFY2(TraceJson::load(TraceJson::save(trace), back, &error), qPrintable(error));
    }
};

SYNSCOPE_TEST_MAIN(TestPcapImport)
#include "tst_pcapimport.moc"
