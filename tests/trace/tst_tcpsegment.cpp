// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing of IPv4/TCP packets as the wire reads them from the TUNs, and the retransmission marks
// the wire derives from them.

#include "testmain.h"
#include "trace/retransmissiontracker.h"
#include "trace/tcpsegment.h"

#include <QRandomGenerator>
#include <algorithm>
#include <memory>
#include <vector>

namespace {

void put16(QByteArray &b, qsizetype at, quint16 v)
{
    b[at] = char(v >> 8);
    b[at + 1] = char(v);
}

void put32(QByteArray &b, qsizetype at, quint32 v)
{
    put16(b, at, quint16(v >> 16));
    put16(b, at + 2, quint16(v));
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray b;
    for (int v : values)
        b.append(char(v));
    return b;
}

// The options Linux puts on a SYN: MSS 1460, SACK permitted, timestamps, NOP, window scale 7.
QByteArray linuxSynOptions(quint32 tsVal, quint32 tsEcr)
{
    QByteArray o = bytes({2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 7});
    put32(o, 8, tsVal);
    put32(o, 12, tsEcr);
    return o;
}

// An IPv4 packet carrying TCP, built field by field as RFC 791 and RFC 9293 lay them out.
struct PacketSpec {
    quint32 src = 0x0a000001; // 10.0.0.1
    quint32 dst = 0x0a000002; // 10.0.0.2
    quint16 ipId = 0x1234;
    quint8 ttl = 64;
    quint8 protocol = 6;
    quint16 fragment = 0x4000; // DF, as Linux sends TCP
    QByteArray ipOptions; // a multiple of 4 bytes
    quint16 sport = 40000;
    quint16 dport = 9877;
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 flags = 0;
    quint16 window = 64240;
    quint16 checksum = 0xbeef;
    quint16 urgent = 0;
    QByteArray options; // a multiple of 4 bytes
    QByteArray payload;

    QByteArray build() const
    {
        const int ihl = 20 + int(ipOptions.size());
        const int thl = 20 + int(options.size());
        QByteArray b(ihl + thl + payload.size(), '\0');
        b[0] = char(0x40 | (ihl / 4));
        put16(b, 2, quint16(b.size()));
        put16(b, 4, ipId);
        put16(b, 6, fragment);
        b[8] = char(ttl);
        b[9] = char(protocol);
        put32(b, 12, src);
        put32(b, 16, dst);
        b.replace(20, ipOptions.size(), ipOptions);
        put16(b, ihl, sport);
        put16(b, ihl + 2, dport);
        put32(b, ihl + 4, seq);
        put32(b, ihl + 8, ack);
        b[ihl + 12] = char((thl / 4) << 4);
        b[ihl + 13] = char(flags);
        put16(b, ihl + 14, window);
        put16(b, ihl + 16, checksum);
        put16(b, ihl + 18, urgent);
        b.replace(ihl + 20, options.size(), options);
        b.replace(ihl + thl, payload.size(), payload);
        return b;
    }
};

// The parsers get a heap block of exactly the given size, so a read past the end is a read past
// the allocation (which the asan preset reports), not a read of QByteArray's spare bytes.
ParseStatus parseExact(const QByteArray &packet, qsizetype len, TcpSegment &out)
{
    const auto copy = std::make_unique<uchar[]>(size_t(std::max<qsizetype>(len, 1)));
    std::copy_n(packet.constData(), len, copy.get());
    return parseIpv4Tcp(copy.get(), len, out);
}

TcpOptions optionsExact(const QByteArray &area)
{
    const auto copy = std::make_unique<uchar[]>(size_t(std::max<qsizetype>(area.size(), 1)));
    std::copy_n(area.constData(), area.size(), copy.get());
    TcpOptions o;
    parseTcpOptions(copy.get(), int(area.size()), o);
    return o;
}

TcpSegment segment(quint32 src, quint16 sport, quint8 flags, quint32 seq, quint32 payload)
{
    TcpSegment s;
    s.srcAddr = src;
    s.dstAddr = src == 0x0a000001 ? 0x0a000002 : 0x0a000001;
    s.srcPort = sport;
    s.dstPort = sport == 40000 ? 9877 : 40000;
    s.flags = flags;
    s.seq = seq;
    s.payloadLength = payload;
    return s;
}

} // namespace

// One segment a connection end sends, and whether the tracker must call it a retransmission.
struct TrackerStep {
    bool fromClient = true;
    quint8 flags = 0;
    quint32 seq = 0;
    quint32 payload = 0;
    bool retransmission = false;
};
using TrackerSteps = std::vector<TrackerStep>;
Q_DECLARE_METATYPE(TrackerSteps)
Q_DECLARE_METATYPE(ParseStatus)

class TestTcpSegment : public QObject {
    Q_OBJECT

private slots:
    void linuxSyn()
    {
        PacketSpec p;
        p.seq = 0xdeadbeef;
        p.flags = TcpFlag::Syn;
        p.options = linuxSynOptions(123456789, 0);
        const QByteArray packet = p.build();
        QCOMPARE(packet.size(), 60);

        TcpSegment s;
        QCOMPARE(parseExact(packet, packet.size(), s), ParseStatus::Ok);
        QCOMPARE(s.srcAddr, 0x0a000001u);
        QCOMPARE(s.dstAddr, 0x0a000002u);
        QCOMPARE(s.ipId, quint16(0x1234));
        QCOMPARE(s.ttl, quint8(64));
        QCOMPARE(s.srcPort, quint16(40000));
        QCOMPARE(s.dstPort, quint16(9877));
        QCOMPARE(s.seq, 0xdeadbeefu);
        QCOMPARE(s.ack, 0u);
        QCOMPARE(s.flags, quint8(TcpFlag::Syn));
        QCOMPARE(s.window, quint16(64240));
        QCOMPARE(s.checksum, quint16(0xbeef));
        QCOMPARE(s.urgentPointer, quint16(0));
        QCOMPARE(s.ipHeaderLength, 20);
        QCOMPARE(s.tcpHeaderLength, 40);
        QCOMPARE(s.payloadLength, 0u);
        QCOMPARE(s.sequenceLength(), 1u); // the SYN occupies one sequence number
        QCOMPARE(s.options.mss, 1460);
        QVERIFY(s.options.sackPermitted);
        QVERIFY(s.options.hasTimestamps);
        QCOMPARE(s.options.tsVal, 123456789u);
        QCOMPARE(s.options.tsEcr, 0u);
        QCOMPARE(s.options.windowScale, 7);
        QCOMPARE(s.options.sackBlockCount, 0);
    }

    void lengths_data()
    {
        QTest::addColumn<QByteArray>("packet");
        QTest::addColumn<qsizetype>("extra"); // bytes after the IP total length, which are not the packet's
        QTest::addColumn<int>("ipHeaderLength");
        QTest::addColumn<int>("tcpHeaderLength");
        QTest::addColumn<quint32>("payloadLength");
        QTest::addColumn<quint32>("sequenceLength");

        PacketSpec ack;
        ack.flags = TcpFlag::Ack;
        QTest::newRow("pure ACK") << ack.build() << qsizetype(0) << 20 << 20 << 0u << 0u;

        PacketSpec data = ack;
        data.flags = TcpFlag::Ack | TcpFlag::Psh;
        data.payload = QByteArrayLiteral("hello");
        data.options = bytes({1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2});
        QTest::newRow("5 bytes after timestamps") << data.build() << qsizetype(0) << 20 << 32 << 5u << 5u;
        QTest::newRow("padding after the packet") << data.build() << qsizetype(6) << 20 << 32 << 5u << 5u;

        PacketSpec ipOptions = data;
        ipOptions.ipOptions = bytes({1, 1, 1, 0}); // NOPs and end of list
        QTest::newRow("IP options") << ipOptions.build() << qsizetype(0) << 24 << 32 << 5u << 5u;

        PacketSpec fin = data;
        fin.flags = TcpFlag::Fin | TcpFlag::Ack;
        QTest::newRow("FIN with data") << fin.build() << qsizetype(0) << 20 << 32 << 5u << 6u;

        PacketSpec synFin;
        synFin.flags = TcpFlag::Syn | TcpFlag::Fin;
        QTest::newRow("SYN and FIN") << synFin.build() << qsizetype(0) << 20 << 20 << 0u << 2u;
    }

    void lengths()
    {
        QFETCH(QByteArray, packet);
        QFETCH(qsizetype, extra);
        QFETCH(int, ipHeaderLength);
        QFETCH(int, tcpHeaderLength);
        QFETCH(quint32, payloadLength);
        QFETCH(quint32, sequenceLength);
        const QByteArray withExtra = packet + QByteArray(extra, '\xee');
        TcpSegment s;
        QCOMPARE(parseExact(withExtra, withExtra.size(), s), ParseStatus::Ok);
        QCOMPARE(s.ipHeaderLength, ipHeaderLength);
        QCOMPARE(s.tcpHeaderLength, tcpHeaderLength);
        QCOMPARE(s.payloadLength, payloadLength);
        QCOMPARE(s.sequenceLength(), sequenceLength);
    }

    void flags_data()
    {
        QTest::addColumn<quint8>("flags");
        QTest::addColumn<quint16>("urgent");
        // RFC 3168 §6.1.1: an ECN-setup SYN carries ECE and CWR, the SYN-ACK ECE only.
        QTest::newRow("ECN-setup SYN") << quint8(TcpFlag::Syn | TcpFlag::Ece | TcpFlag::Cwr) << quint16(0);
        QTest::newRow("ECN-setup SYN-ACK") << quint8(TcpFlag::Syn | TcpFlag::Ack | TcpFlag::Ece) << quint16(0);
        QTest::newRow("CWR on data") << quint8(TcpFlag::Cwr | TcpFlag::Ack | TcpFlag::Psh) << quint16(0);
        QTest::newRow("RST") << quint8(TcpFlag::Rst) << quint16(0);
        QTest::newRow("URG") << quint8(TcpFlag::Urg | TcpFlag::Ack) << quint16(3);
        QTest::newRow("every flag") << quint8(0xff) << quint16(0xffff);
    }

    void flags()
    {
        QFETCH(quint8, flags);
        QFETCH(quint16, urgent);
        PacketSpec p;
        p.flags = flags;
        p.urgent = urgent;
        const QByteArray packet = p.build();
        TcpSegment s;
        QCOMPARE(parseExact(packet, packet.size(), s), ParseStatus::Ok);
        QCOMPARE(s.flags, flags);
        QCOMPARE(s.urgentPointer, urgent);
        QCOMPARE(s.window, quint16(64240));
    }

    void status_data()
    {
        QTest::addColumn<QByteArray>("packet");
        QTest::addColumn<ParseStatus>("status");

        PacketSpec good;
        good.flags = TcpFlag::Ack;
        good.payload = QByteArrayLiteral("abc");
        const QByteArray valid = good.build();
        QTest::newRow("valid") << valid << ParseStatus::Ok;
        QTest::newRow("empty") << QByteArray() << ParseStatus::Truncated;
        QTest::newRow("one byte") << QByteArray(1, '\x45') << ParseStatus::Truncated;

        QByteArray v6 = valid;
        v6[0] = char(0x60);
        QTest::newRow("IPv6") << v6 << ParseStatus::NotIPv4;
        QTest::newRow("IPv6, one byte") << QByteArray(1, '\x60') << ParseStatus::NotIPv4;

        QByteArray shortIhl = valid;
        shortIhl[0] = char(0x44);
        QTest::newRow("IHL below 5") << shortIhl << ParseStatus::BadIpHeader;

        QByteArray tinyTotal = valid;
        put16(tinyTotal, 2, 19);
        QTest::newRow("total length below header") << tinyTotal << ParseStatus::BadIpHeader;

        QByteArray longTotal = valid;
        put16(longTotal, 2, quint16(valid.size() + 1));
        QTest::newRow("total length past the bytes") << longTotal << ParseStatus::Truncated;

        QByteArray ihlPastTotal = valid;
        ihlPastTotal[0] = char(0x4f); // 60-byte IP header in a 43-byte packet
        QTest::newRow("IHL past total length") << ihlPastTotal << ParseStatus::BadIpHeader;

        PacketSpec udp = good;
        udp.protocol = 17;
        QTest::newRow("UDP") << udp.build() << ParseStatus::NotTcp;

        PacketSpec moreFragments = good;
        moreFragments.fragment = 0x2000;
        QTest::newRow("more fragments") << moreFragments.build() << ParseStatus::Fragment;

        PacketSpec laterFragment = good;
        laterFragment.fragment = 0x0001; // offset 8 bytes
        QTest::newRow("fragment offset") << laterFragment.build() << ParseStatus::Fragment;

        PacketSpec noDf = good;
        noDf.fragment = 0;
        QTest::newRow("no DF is fine") << noDf.build() << ParseStatus::Ok;

        QByteArray smallOffset = valid;
        smallOffset[20 + 12] = char(4 << 4);
        QTest::newRow("data offset 16 bytes") << smallOffset << ParseStatus::BadTcpHeader;
        smallOffset[20 + 12] = 0;
        QTest::newRow("data offset 0") << smallOffset << ParseStatus::BadTcpHeader;

        QByteArray bigOffset = valid;
        bigOffset[20 + 12] = char(15 << 4); // 60-byte TCP header, 23 bytes there
        QTest::newRow("data offset past the packet") << bigOffset << ParseStatus::Truncated;

        QByteArray tcpCut = valid;
        put16(tcpCut, 2, 20 + 19); // the IP header says the TCP header has 19 bytes
        QTest::newRow("TCP header cut by total length") << tcpCut << ParseStatus::Truncated;
    }

    void status()
    {
        QFETCH(QByteArray, packet);
        QFETCH(ParseStatus, status);
        TcpSegment s;
        QCOMPARE(parseExact(packet, packet.size(), s), status);
        QVERIFY(parseStatusText(status)[0] != '\0');
    }

    // Whatever the prefix a read returns, the parser says Truncated and reads only that prefix.
    void truncatedAtEveryLength_data()
    {
        QTest::addColumn<QByteArray>("packet");
        PacketSpec syn;
        syn.flags = TcpFlag::Syn;
        syn.options = linuxSynOptions(1, 0);
        QTest::newRow("SYN with options") << syn.build();
        PacketSpec data;
        data.flags = TcpFlag::Ack | TcpFlag::Psh;
        data.ipOptions = bytes({1, 1, 1, 1});
        data.options = bytes({1, 1, 5, 10, 0, 0, 0, 1, 0, 0, 0, 2});
        data.payload = QByteArray(100, 'x');
        QTest::newRow("data with IP options and SACK") << data.build();
    }

    void truncatedAtEveryLength()
    {
        QFETCH(QByteArray, packet);
        for (qsizetype len = 0; len < packet.size(); ++len) {
            TcpSegment s;
            const ParseStatus status = parseExact(packet, len, s);
            QVERIFY2(
                status == ParseStatus::Truncated,
                qPrintable(QStringLiteral("length %1: %2").arg(len).arg(QLatin1StringView(parseStatusText(status)))));
        }
        TcpSegment s;
        QCOMPARE(parseExact(packet, packet.size(), s), ParseStatus::Ok);
    }

    void options_data()
    {
        QTest::addColumn<QByteArray>("area");
        QTest::addColumn<int>("mss");
        QTest::addColumn<int>("windowScale");
        QTest::addColumn<bool>("sackPermitted");
        QTest::addColumn<bool>("timestamps");
        QTest::addColumn<QList<quint32>>("sack"); // left, right, left, right, ...

        QTest::newRow("none") << QByteArray() << -1 << -1 << false << false << QList<quint32> {};
        QTest::newRow("Linux SYN") << linuxSynOptions(5, 6) << 1460 << 7 << true << true << QList<quint32> {};
        QTest::newRow("NOPs then MSS") << bytes({1, 1, 1, 2, 4, 0x02, 0x18}) << 536 << -1 << false << false
                                       << QList<quint32> {};
        QTest::newRow("end of list stops")
            << bytes({0, 2, 4, 0x05, 0xb4}) << -1 << -1 << false << false << QList<quint32> {};
        QTest::newRow("unknown kind skipped")
            << bytes({30, 4, 0xff, 0xff, 3, 3, 14}) << -1 << 14 << false << false << QList<quint32> {};
        QTest::newRow("SACK, one block") << bytes({1, 1, 5, 10, 0, 0, 0, 1, 0, 0, 0, 2}) << -1 << -1 << false << false
                                         << QList<quint32> {1, 2};
        QTest::newRow("SACK, three blocks") << bytes(
            {5, 26, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff, 0xff})
                                            << -1 << -1 << false << false
                                            << QList<quint32> {1, 2, 3, 4, 0xfffffffe, 0xffffffff};
        QByteArray five = bytes({5, 42});
        QList<quint32> four;
        for (quint32 b = 0; b < 5; ++b) {
            five += bytes({0, 0, 0, int(2 * b), 0, 0, 0, int(2 * b + 1)});
            if (b < 4) four << 2 * b << 2 * b + 1;
        }
        QTest::newRow("SACK, five blocks keeps four") << five << -1 << -1 << false << false << four;
        QTest::newRow("SACK, partial block ignored")
            << bytes({5, 13, 0, 0, 0, 1, 0, 0, 0, 2, 9, 9, 9}) << -1 << -1 << false << false << QList<quint32> {1, 2};

        // Malformed lengths end the walk; what came before stays.
        QTest::newRow("length 0") << bytes({4, 2, 2, 0, 2, 4, 0x05, 0xb4}) << -1 << -1 << true << false
                                  << QList<quint32> {};
        QTest::newRow("length 1") << bytes({2, 1, 2, 4, 0x05, 0xb4}) << -1 << -1 << false << false << QList<quint32> {};
        QTest::newRow("length past the area")
            << bytes({4, 2, 2, 4, 0x05}) << -1 << -1 << true << false << QList<quint32> {};
        QTest::newRow("kind without length") << bytes({1, 1, 1, 2}) << -1 << -1 << false << false << QList<quint32> {};
        QTest::newRow("timestamps cut short")
            << bytes({8, 10, 0, 0, 0, 1, 0, 0}) << -1 << -1 << false << false << QList<quint32> {};
        // A known kind with the wrong length is skipped by its length, as the walk can still go on.
        QTest::newRow("MSS of length 3") << bytes({2, 3, 0x05, 4, 2}) << -1 << -1 << true << false << QList<quint32> {};
        QTest::newRow("window scale of length 4")
            << bytes({3, 4, 7, 0, 4, 2}) << -1 << -1 << true << false << QList<quint32> {};
        QTest::newRow("timestamps of length 8")
            << bytes({8, 8, 0, 0, 0, 1, 0, 0, 4, 2}) << -1 << -1 << true << false << QList<quint32> {};
        QTest::newRow("SACK permitted of length 3")
            << bytes({4, 3, 0, 2, 4, 1, 0}) << 256 << -1 << false << false << QList<quint32> {};
    }

    void options()
    {
        QFETCH(QByteArray, area);
        QFETCH(int, mss);
        QFETCH(int, windowScale);
        QFETCH(bool, sackPermitted);
        QFETCH(bool, timestamps);
        QFETCH(QList<quint32>, sack);
        const TcpOptions o = optionsExact(area);
        QCOMPARE(o.mss, mss);
        QCOMPARE(o.windowScale, windowScale);
        QCOMPARE(o.sackPermitted, sackPermitted);
        QCOMPARE(o.hasTimestamps, timestamps);
        QList<quint32> blocks;
        for (int i = 0; i < o.sackBlockCount; ++i)
            blocks << o.sackBlocks[size_t(i)].first << o.sackBlocks[size_t(i)].second;
        QCOMPARE(blocks, sack);
    }

    // A bad option never costs the segment: the header fields are still there.
    void malformedOptionsKeepTheSegment()
    {
        PacketSpec p;
        p.flags = TcpFlag::Syn;
        p.seq = 42;
        p.options = bytes({2, 4, 0x05, 0xb4, 8, 0, 0, 0}); // MSS, then a timestamp of length 0
        TcpSegment s;
        const QByteArray packet = p.build();
        QCOMPARE(parseExact(packet, packet.size(), s), ParseStatus::Ok);
        QCOMPARE(s.seq, 42u);
        QCOMPARE(s.options.mss, 1460);
        QVERIFY(!s.options.hasTimestamps);
    }

    // Random option areas and packets: no crash, no read past the block (under asan), counts in range.
    void randomBytes()
    {
        QRandomGenerator random(20240501);
        for (int i = 0; i < 20000; ++i) {
            QByteArray area(random.bounded(41), '\0');
            for (char &c : area)
                c = char(random.bounded(12) < 8 ? random.bounded(12) : random.bounded(256));
            const TcpOptions o = optionsExact(area);
            QVERIFY(o.sackBlockCount >= 0 && o.sackBlockCount <= 4);
            QVERIFY(o.mss >= -1 && o.mss <= 0xffff);

            QByteArray packet(random.bounded(80), '\0');
            for (char &c : packet)
                c = char(random.bounded(256));
            if (!packet.isEmpty())
                packet[0] = char(0x45 + random.bounded(11)); // mostly IPv4, so the parser goes deeper
            TcpSegment s;
            if (parseExact(packet, packet.size(), s) == ParseStatus::Ok)
                QVERIFY(qsizetype(s.ipHeaderLength + s.tcpHeaderLength + s.payloadLength) <= packet.size());
        }
    }

    void retransmissions_data()
    {
        QTest::addColumn<TrackerSteps>("steps");
        using namespace TcpFlag;
        // The client's SYN with ISN 1000 occupies 1000; its data starts at 1001.
        QTest::newRow("SYN resent with the same ISN")
            << TrackerSteps {{true, Syn, 1000, 0, false}, {true, Syn, 1000, 0, true}, {true, Syn, 1000, 0, true}};
        QTest::newRow("SYN-ACK resent") << TrackerSteps {
            {true, Syn, 1000, 0, false}, {false, Syn | Ack, 5000, 0, false}, {false, Syn | Ack, 5000, 0, true}};
        // Simultaneous open: each side's SYN, ACK repeats its own SYN's ISN — the answer to the other
        // side's SYN, not a resend; a second one is.
        QTest::newRow("simultaneous open's SYN-ACK") << TrackerSteps {{true, Syn, 1000, 0, false},
                                                                      {false, Syn, 5000, 0, false},
                                                                      {true, Syn | Ack, 1000, 0, false},
                                                                      {false, Syn | Ack, 5000, 0, false},
                                                                      {true, Syn | Ack, 1000, 0, true}};
        QTest::newRow("pure ACKs never") << TrackerSteps {
            {true, Syn, 1000, 0, false},        {true, Ack, 1001, 0, false}, {true, Ack, 1001, 0, false},
            {true, Ack | Psh, 1001, 10, false}, {true, Ack, 1001, 0, false}, {true, Ack, 990, 0, false}};
        QTest::newRow("data overlapping what was sent")
            << TrackerSteps {{true, Syn, 1000, 0, false},  {true, Ack, 1001, 100, false}, {true, Ack, 1101, 100, false},
                             {true, Ack, 1050, 100, true}, {true, Ack, 1101, 100, true},  {true, Ack, 1201, 10, false},
                             {true, Ack, 1210, 1, true}};
        QTest::newRow("FIN resent") << TrackerSteps {
            {true, Syn, 1000, 0, false}, {true, Fin | Ack, 1001, 0, false}, {true, Fin | Ack, 1001, 0, true}};
        QTest::newRow("directions are separate") << TrackerSteps {{true, Syn, 1000, 0, false},
                                                                  {false, Syn | Ack, 1000, 0, false},
                                                                  {true, Ack, 1001, 50, false},
                                                                  {false, Ack, 1001, 50, false}};
        QTest::newRow("across the sequence wrap") << TrackerSteps {{true, Syn, 0xfffffff0, 0, false},
                                                                   {true, Ack, 0xfffffff1, 100, false},
                                                                   {true, Ack, 0xfffffff1, 100, true},
                                                                   {true, Ack, 0x55, 10, false},
                                                                   {true, Ack, 0x50, 10, true}};
        QTest::newRow("new SYN with another ISN resets")
            << TrackerSteps {{true, Syn, 1000, 0, false}, {true, Ack, 1001, 100, false}, {true, Syn, 9000, 0, false},
                             {true, Syn, 9000, 0, true},  {true, Ack, 9001, 100, false}, {true, Ack, 9001, 100, true}};
        QTest::newRow("first seen mid-stream") << TrackerSteps {
            {true, Ack, 7000, 100, false}, {true, Ack, 7100, 100, false}, {true, Ack, 7000, 100, true}};
    }

    void retransmissions()
    {
        QFETCH(TrackerSteps, steps);
        RetransmissionTracker tracker;
        for (size_t i = 0; i < steps.size(); ++i) {
            const TrackerStep &st = steps[i];
            const TcpSegment s = st.fromClient ? segment(0x0a000001, 40000, st.flags, st.seq, st.payload)
                                               : segment(0x0a000002, 9877, st.flags, st.seq, st.payload);
            QVERIFY2(tracker.observe(s) == st.retransmission, qPrintable(QStringLiteral("step %1").arg(i)));
        }
        tracker.clear();
        const TrackerStep &first = steps.front();
        QVERIFY(!tracker.observe(segment(first.fromClient ? 0x0a000001 : 0x0a000002, first.fromClient ? 40000 : 9877,
                                         first.flags, first.seq, first.payload)));
    }

    void seqLess()
    {
        QVERIFY(RetransmissionTracker::seqLess(1, 2));
        QVERIFY(!RetransmissionTracker::seqLess(2, 2));
        QVERIFY(RetransmissionTracker::seqLess(0xfffffff0, 0x10)); // across the wrap
        QVERIFY(!RetransmissionTracker::seqLess(0x10, 0xfffffff0));
    }
};

SYNSCOPE_TEST_MAIN(TestTcpSegment)
#include "tst_tcpsegment.moc"
