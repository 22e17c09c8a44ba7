// SPDX-License-Identifier: GPL-3.0-or-later
// The textbook labels from generated traces (TraceInfo.source = "generated"): each row is a
// sequence of segments with the labels a lecturer expects to read on the arrows.
#include "support/packetbuilder.h"
#include "trace/segmentlabels.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QTest>
#include <testmain.h>

using namespace Qt::StringLiterals;

namespace {
struct Seg {
    char side; // 'c' client, 's' server
    quint8 flags;
    quint32 seq;
    quint32 ack;
    quint32 len = 0;
    quint16 clientPort = 40000;
};
using Segs = QList<Seg>;

constexpr quint8 S = TcpFlag::Syn, A = TcpFlag::Ack, F = TcpFlag::Fin, R = TcpFlag::Rst, P = TcpFlag::Psh;

void fill(Trace &trace, const Segs &segs)
{
    TraceInfo info;
    info.source = QStringLiteral("generated");
    trace.setInfo(info);
    qint64 t = 0;
    for (const Seg &s : segs) {
        Event e;
        e.tNs = t += 1000;
        e.kind = EventKind::Send;
        e.side = s.side == 'c' ? Side::Client : Side::Server;
        e.flags = s.flags;
        e.seq = s.seq;
        e.ack = s.ack;
        e.length = s.len;
        e.localPort = s.side == 'c' ? s.clientPort : 9877;
        e.remotePort = s.side == 'c' ? 9877 : s.clientPort;
        trace.appendRaw(e);
    }
}

QStringList labels(const Trace &trace, NumberStyle style)
{
    SegmentLabeler labeler(trace);
    labeler.update();
    QStringList out;
    for (qsizetype i = 0; i < trace.size(); ++i)
        out << labeler.label(i, style);
    return out;
}

const Segs kHandshake = {{'c', S, 1000, 0}, {'s', S | A, 5000, 1001}, {'c', A, 1001, 5001}};

// A segment with the window it announces, for the window and probe labels.
struct WinSeg {
    char side;
    quint8 flags;
    quint32 seq;
    quint32 ack;
    quint32 len;
    quint16 window;
};
using WinSegs = QList<WinSeg>;

// IPv4 + TCP bytes of a segment; a SYN carries a WS option when `windowScale` >= 0 (the shift the
// lab's kernels announce), as the trace keeps a lab's packets.
QByteArray packetOf(const WinSeg &w, int windowScale)
{
    const bool syn = w.flags & S;
    testsupport::Ipv4TcpPacket p;
    p.src = w.side == 'c' ? 0x0a000001 : 0x0a000002;
    p.dst = w.side == 'c' ? 0x0a000002 : 0x0a000001;
    p.fragment = 0;
    p.sport = w.side == 'c' ? 40000 : 9877;
    p.dport = w.side == 'c' ? 9877 : 40000;
    p.seq = w.seq;
    p.ack = w.ack;
    p.flags = quint8(w.flags);
    p.window = w.window;
    if (syn && windowScale >= 0) p.options = testsupport::bytes({1, 3, 3, windowScale}); // NOP, WS
    return p.build();
}

// Generated traces: with packet bytes (so the SYNs' WS options are known) when a scale is given.
void fillWindows(Trace &trace, const WinSegs &segs, int clientScale, int serverScale)
{
    TraceInfo info;
    info.source = QStringLiteral("generated");
    trace.setInfo(info);
    qint64 t = 0;
    for (const WinSeg &w : segs) {
        const int scale = w.side == 'c' ? clientScale : serverScale;
        if (scale >= 0) {
            const QByteArray bytes = packetOf(w, scale);
            TcpSegment seg;
            QCOMPARE_EQ(parseIpTcp(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), seg,
                                   Completeness::HeadersOnly),
                        ParseStatus::Ok);
            seg.payloadLength = w.len; // headers only: the data's length without its bytes
            trace.appendSend(t += 1000, w.side == 'c' ? Side::Client : Side::Server, bytes, seg);
            continue;
        }
        Event e;
        e.tNs = t += 1000;
        e.kind = EventKind::Send;
        e.side = w.side == 'c' ? Side::Client : Side::Server;
        e.flags = w.flags;
        e.seq = w.seq;
        e.ack = w.ack;
        e.length = w.len;
        e.window = w.window;
        e.localPort = w.side == 'c' ? 40000 : 9877;
        e.remotePort = w.side == 'c' ? 9877 : 40000;
        trace.appendRaw(e);
    }
}

// data-and-acks as the lab recorded it (numbers from J = 1000, K = 5000): the server's small
// buffer fills, it announces a zero window, the client probes it, the server answers with the
// window still 0, reads, and updates the window; the client sends on.
const WinSegs kZeroWindow = {
    {'c', S, 1000, 0, 0, 64240},   {'s', S | A, 5000, 1001, 0, 1460}, {'c', A, 1001, 5001, 0, 63},
    {'c', A, 1001, 5001, 768, 63}, {'s', A, 5001, 1769, 0, 6},        {'c', A | P, 1769, 5001, 768, 63},
    {'s', A, 5001, 2537, 0, 0}, // the window closes
    {'c', A, 2536, 5001, 0, 63}, // the persist timer's probe: the byte before the one acknowledged
    {'s', A, 5001, 2537, 0, 0}, // still closed
    {'s', A, 5001, 2537, 0, 11}, // the window update
    {'c', A, 2537, 5001, 768, 63}, {'s', A, 5001, 3305, 0, 5}, // an open window shrinking is no news
};
} // namespace

Q_DECLARE_METATYPE(Seg)
Q_DECLARE_METATYPE(WinSeg)

class TestSegmentLabels : public QObject {
    Q_OBJECT
private slots:
    void symbolic_data()
    {
        QTest::addColumn<Segs>("segs");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("handshake") << kHandshake << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s};
        QTest::newRow("four-way close")
            << (kHandshake
                + Segs {{'c', F | A, 1001, 5001}, {'s', A, 5001, 1002}, {'s', F | A, 5001, 1002}, {'c', A, 1002, 5002}})
            << QStringList {u"SYN J"_s,   u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"FIN M"_s,
                            u"ACK M+1"_s, u"FIN N"_s,          u"ACK N+1"_s};
        // The passive side closes before its delayed ACK leaves: the ACK rides on its FIN.
        QTest::newRow("three-segment close")
            << (kHandshake + Segs {{'c', F | A, 1001, 5001}, {'s', F | A, 5001, 1002}, {'c', A, 1002, 5002}})
            << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s,
                            u"FIN M"_s, u"FIN N, ACK M+1"_s, u"ACK N+1"_s};
        QTest::newRow("data")
            << (kHandshake
                + Segs {{'c', P | A, 1001, 5001, 5},
                        {'s', P | A, 5001, 1006, 9},
                        {'c', A, 1006, 5010},
                        {'c', F | A, 1006, 5010},
                        {'s', A, 5010, 1007}})
            << QStringList {
                   u"SYN J"_s,    u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"seq J+1, len 5"_s, u"seq K+1, len 9, ACK J+6"_s,
                   u"ACK K+10"_s, u"FIN M"_s,          u"ACK M+1"_s};
        // An ACK of exactly the number the FIN will later carry was sent before the FIN: it keeps J.
        QTest::newRow("ack before the fin keeps its letter")
            << (kHandshake + Segs {{'c', P | A, 1001, 5001, 5}, {'s', A, 5001, 1006}, {'c', F | A, 1006, 5001}})
            << QStringList {u"SYN J"_s,          u"SYN K, ACK J+1"_s, u"ACK K+1"_s,
                            u"seq J+1, len 5"_s, u"ACK J+6"_s,        u"FIN M"_s};
        QTest::newRow("refused") << Segs {{'c', S, 1000, 0}, {'s', R | A, 0, 1001}}
                                 << QStringList {u"SYN J"_s, u"RST, ACK J+1"_s};
        QTest::newRow("lost syn") << Segs {{'c', S, 1000, 0}, {'c', S, 1000, 0}, {'s', S | A, 5000, 1001}}
                                  << QStringList {u"SYN J"_s, u"SYN J"_s, u"SYN K, ACK J+1"_s};
        QTest::newRow("retransmitted fin")
            << (kHandshake + Segs {{'c', F | A, 1001, 5001}, {'c', F | A, 1001, 5001}, {'s', A, 5001, 1002}})
            << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"FIN M"_s, u"FIN M"_s, u"ACK M+1"_s};
        QTest::newRow("abortive close") << (kHandshake + Segs {{'c', R | A, 1001, 5001}})
                                        << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s,
                                                        u"RST J+1, ACK K+1"_s};
        // Both sides connect at once, the server's SYN first on the wire: letters still follow the
        // sender's sequence space (client J, server K), not the order on the wire.
        QTest::newRow("simultaneous open")
            << Segs {{'s', S, 5000, 0}, {'c', S, 1000, 0}, {'c', S | A, 1000, 5001}, {'s', S | A, 5000, 1001}}
            << QStringList {u"SYN K"_s, u"SYN J"_s, u"SYN J, ACK K+1"_s, u"SYN K, ACK J+1"_s};
        // Both close at once, the server's FIN first on the wire: the client's FIN is still M.
        QTest::newRow("simultaneous close, server's FIN first")
            << (kHandshake + Segs {{'s', F | A, 5001, 1001}, {'c', F | A, 1001, 5001}})
            << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"FIN N"_s, u"FIN M"_s};
        QTest::newRow("sequence numbers wrap")
            << Segs {{'c', S, 0xfffffff0u, 0},
                     {'s', S | A, 5000, 0xfffffff1u},
                     {'c', A | P, 0xfffffff1u, 5001, 20},
                     {'c', A | P, 0x5u, 5001, 1}}
            << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"seq J+1, len 20, ACK K+1"_s, u"seq J+21, len 1"_s};
        // A capture that starts mid-stream: no letters, Wireshark's relative numbers.
        QTest::newRow("no syn seen") << Segs {{'c', A | P, 7000, 9000, 10}, {'s', A, 9000, 7010}}
                                     << QStringList {u"seq 1, len 10, ACK 1"_s, u"ACK 11"_s};
        QTest::newRow("second connection")
            << (kHandshake + Segs {{'c', S, 70000, 0, 0, 40001}, {'s', S | A, 90000, 70001, 0, 40001}})
            << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"SYN J′"_s, u"SYN K′, ACK J′+1"_s};
        QTest::newRow("ecn") << Segs {{'c', S | TcpFlag::Ece | TcpFlag::Cwr, 1000, 0}}
                             << QStringList {u"SYN J, ECE, CWR"_s};
    }
    void symbolic()
    {
        QFETCH(Segs, segs);
        QFETCH(QStringList, expected);
        Trace trace;
        fill(trace, segs);
        QCOMPARE(labels(trace, NumberStyle::Symbolic), expected);
    }

    // The window where it matters, and probes named (generated traces, numbers of a lab run).
    void windowAndProbes_data()
    {
        QTest::addColumn<WinSegs>("segs");
        QTest::addColumn<int>("clientScale"); // the WS option of each SYN; -1: no packet bytes
        QTest::addColumn<int>("serverScale");
        QTest::addColumn<QStringList>("expected");

        const QStringList head {u"SYN J"_s,     u"SYN K, ACK J+1"_s,    u"ACK K+1"_s, u"seq J+1, len 768"_s,
                                u"ACK J+769"_s, u"seq J+769, len 768"_s};
        // Both SYNs offered scaling: the server's 11 is 11 << 7 = 1408 bytes.
        QTest::newRow("zero window, probe, update; scaled")
            << kZeroWindow << 10 << 7
            << head + QStringList {u"ACK J+1537, win 0"_s,    u"window probe, seq J+1536"_s, u"ACK J+1537, win 0"_s,
                                   u"ACK J+1537, win 1408"_s, u"seq J+1537, len 768"_s,      u"ACK J+2305"_s};
        // Only one side offered it: RFC 7323 scales neither direction.
        QTest::newRow("one side without WS: unscaled")
            << kZeroWindow << -1 << 7
            << head + QStringList {u"ACK J+1537, win 0"_s,  u"window probe, seq J+1536"_s, u"ACK J+1537, win 0"_s,
                                   u"ACK J+1537, win 11"_s, u"seq J+1537, len 768"_s,      u"ACK J+2305"_s};
        // A trace without windows at all (every window 0 from the SYN on): the window never closed.
        WinSegs noWindows = kZeroWindow;
        for (WinSeg &w : noWindows)
            w.window = 0;
        noWindows.removeAt(7); // no probe
        QTest::newRow("never open: no news") << noWindows << -1 << -1
                                             << head
                + QStringList {u"ACK J+1537"_s, u"ACK J+1537"_s, u"ACK J+1537"_s, u"seq J+1537, len 768"_s,
                               u"ACK J+2305"_s};
        // The same probe with the peer's window open is a keepalive.
        QTest::newRow("keepalive") << WinSegs {kZeroWindow[0],
                                               kZeroWindow[1],
                                               kZeroWindow[2],
                                               {'c', A, 1000, 5001, 0, 63},
                                               {'s', A, 5001, 1001, 0, 1460}}
                                   << -1 << -1
                                   << QStringList {u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"keepalive, seq J"_s,
                                                   u"ACK J+1"_s};
    }
    void windowAndProbes()
    {
        QFETCH(WinSegs, segs);
        QFETCH(int, clientScale);
        QFETCH(int, serverScale);
        QFETCH(QStringList, expected);
        Trace trace;
        fillWindows(trace, segs, clientScale, serverScale);
        QCOMPARE(labels(trace, NumberStyle::Symbolic), expected);
        SegmentLabeler labeler(trace);
        labeler.update();
        for (qsizetype i = 0; i < trace.size(); ++i)
            QCOMPARE(labeler.isWindowProbe(i), expected.at(i).startsWith(u"window probe"_s));
    }

    // The View option: every segment's window but a RST's; a SYN's is never scaled.
    void windowAlways()
    {
        Trace trace;
        fillWindows(trace, kZeroWindow.first(5), 10, 7);
        SegmentLabeler labeler(trace);
        labeler.update();
        const auto always = SegmentLabeler::WindowShown::Always;
        QCOMPARE(labeler.label(0, NumberStyle::Symbolic, always), u"SYN J, win 64240"_s);
        QCOMPARE(labeler.label(1, NumberStyle::Symbolic, always), u"SYN K, ACK J+1, win 1460"_s);
        QCOMPARE(labeler.label(2, NumberStyle::Symbolic, always), u"ACK K+1, win 64512"_s); // 63 << 10
        QCOMPARE(labeler.label(4, NumberStyle::Symbolic, always), u"ACK J+769, win 768"_s); // 6 << 7
        QCOMPARE(labeler.label(4, NumberStyle::Symbolic), u"ACK J+769"_s);
        QCOMPARE(labeler.windowText(4), u"768"_s);
    }

    // The shift behind windowText(), for those who write the raw field beside the bytes
    // ("63 ×1024 = 64512"): none on a SYN, the sender's own once both SYNs offered scaling, none
    // when one did not, unknown without the SYNs.
    void windowShift()
    {
        Trace scaled;
        fillWindows(scaled, kZeroWindow.first(5), 10, 7);
        SegmentLabeler labeler(scaled);
        labeler.update();
        QCOMPARE(labeler.windowShift(0), 0);
        QCOMPARE(labeler.windowShift(1), 0);
        QCOMPARE(labeler.windowShift(2), 10);
        QCOMPARE(labeler.windowShift(4), 7);
        Trace oneSided;
        fillWindows(oneSided, kZeroWindow.first(3), -1, 7);
        SegmentLabeler unscaled(oneSided);
        unscaled.update();
        QCOMPARE(unscaled.windowShift(2), 0);
        Trace midStream;
        fill(midStream, {{'c', A, 1001, 5001, 10}});
        SegmentLabeler unknown(midStream);
        unknown.update();
        QCOMPARE(unknown.windowShift(0), -1);
        QCOMPARE(unknown.windowText(0), u"0"_s); // the raw field
    }

    // Any number of a connection, written as its labels are; a letter only where the side's SYN
    // (or FIN) was seen.
    void numbersBesideLabels()
    {
        Trace trace;
        fill(trace, kHandshake + Segs {{'c', A | F, 1001, 5001}});
        SegmentLabeler labeler(trace);
        labeler.update();
        QCOMPARE(labeler.numberText(2, Side::Client, 1006, NumberStyle::Symbolic), u"J+6"_s);
        QCOMPARE(labeler.numberText(2, Side::Client, 1006, NumberStyle::Relative), u"6"_s);
        QCOMPARE(labeler.numberText(2, Side::Server, 5001, NumberStyle::Absolute), u"5001"_s);
        QVERIFY(labeler.hasLetter(2, Side::Server, 5001));
        QCOMPARE(labeler.numberText(3, Side::Client, 1002, NumberStyle::Symbolic), u"M+1"_s);
        // As of the client's SYN the server has sent no SYN: no letter yet.
        QVERIFY(!labeler.hasLetter(0, Side::Server, 5001));
        Trace midStream;
        fill(midStream, {{'c', A, 1001, 5001, 10}});
        SegmentLabeler relative(midStream);
        relative.update();
        QVERIFY(!relative.hasLetter(0, Side::Client, 1001));
        QCOMPARE(relative.numberText(0, Side::Client, 1011, NumberStyle::Symbolic), u"11"_s);
    }

    void relativeAndAbsolute()
    {
        Trace trace;
        fill(trace, kHandshake);
        QCOMPARE(labels(trace, NumberStyle::Relative), (QStringList {u"SYN 0"_s, u"SYN 0, ACK 1"_s, u"ACK 1"_s}));
        QCOMPARE(labels(trace, NumberStyle::Absolute),
                 (QStringList {u"SYN 1000"_s, u"SYN 5000, ACK 1001"_s, u"ACK 5001"_s}));
    }

    // A wire action is labelled as the Send it acts on; labels never change as the trace grows.
    void wireActionsAndGrowth()
    {
        Trace trace;
        fill(trace, {kHandshake[0]});
        SegmentLabeler labeler(trace);
        labeler.update();
        QCOMPARE(labeler.label(0, NumberStyle::Symbolic), u"SYN J"_s);
        Event drop = trace.at(0);
        drop.kind = EventKind::Drop;
        drop.ref = 0;
        trace.appendRaw(drop);
        fill(trace, {kHandshake[1], kHandshake[2]});
        labeler.update();
        QCOMPARE(labeler.label(1, NumberStyle::Symbolic), u"SYN J"_s);
        QCOMPARE(labeler.label(2, NumberStyle::Symbolic), u"SYN K, ACK J+1"_s);
        QCOMPARE(labeler.connectionOf(1), 0);
        trace.clear();
        labeler.update();
        QCOMPARE(labeler.connectionCount(), 0);
    }

    void detailFromPacketBytes()
    {
        // SYN with MSS 1460, SACK_PERM, TS, WS 7 — the options Linux puts on its SYN.
        const QByteArray packet =
            QByteArray::fromHex("4500003c00004000400600000a0000010a0000029c4026950000000a00000000a002faf000000000"
                                "020405b40402080a000000000000000001030307");
        TcpSegment seg;
        QCOMPARE(parseIpv4Tcp(reinterpret_cast<const uchar *>(packet.constData()), packet.size(), seg),
                 ParseStatus::Ok);
        Trace trace;
        trace.appendSend(0, Side::Client, packet, seg);
        SegmentLabeler labeler(trace);
        labeler.update();
        QCOMPARE(labeler.label(0, NumberStyle::Absolute), u"SYN 10"_s);
        // Issue 18: the options in the textbook's words and order.
        QCOMPARE(labeler.detail(0), u"win 64240 · mss 1460, wscale 7, sackOK, TS"_s);
        QCOMPARE(labeler.optionsText(0), u"mss 1460, wscale 7, sackOK, TS"_s);
    }

    // SACK blocks on the arrows, in the data's numbers: the duplicate ACKs of a lost segment, then
    // a D-SACK for data that arrived twice — below the ACK, or inside the next block.
    void sackBlocks()
    {
        struct Sacked {
            char side;
            quint8 flags;
            quint32 seq;
            quint32 ack;
            quint32 len;
            QList<std::pair<quint32, quint32>> blocks;
        };
        const QList<Sacked> segs = {
            {'c', S, 1000, 0, 0, {}},
            {'s', S | A, 5000, 1001, 0, {}},
            {'c', A, 1001, 5001, 0, {}},
            {'c', A, 1001, 5001, 100, {}}, // 3
            {'s', A, 5001, 1101, 0, {}},
            {'s', A, 5001, 1101, 0, {{1201, 1301}}}, // 5: the second segment is missing
            {'s', A, 5001, 1101, 0, {{1201, 1401}}},
            {'s', A, 5001, 1101, 0, {{1501, 1601}, {1201, 1401}}}, // 7: the newest block first
            {'s', A, 5001, 1601, 0, {{1101, 1201}}}, // 8: D-SACK below the ACK
            {'s', A, 5001, 1601, 0, {{1301, 1401}, {1201, 1501}}}, // 9: D-SACK inside the next block
            {'s', A | P, 5001, 1601, 10, {{1701, 1801}}}, // 10: data with an old ACK and a block
            {'s', A, 5001, 1601, 0, {{1000, 1001}}}, // 11: D-SACK of the client's SYN (a simultaneous open)
            {'c', F | A, 1801, 5011, 0, {}}, // 12: FIN M = 1801
            {'s', A, 5011, 1802, 0, {{1801, 1802}}}, // 13: D-SACK of the FIN
        };
        Trace trace;
        qint64 t = 0;
        for (const Sacked &w : segs) {
            testsupport::Ipv4TcpPacket p;
            p.src = w.side == 'c' ? 0x0a000001 : 0x0a000002;
            p.dst = w.side == 'c' ? 0x0a000002 : 0x0a000001;
            p.fragment = 0;
            p.sport = w.side == 'c' ? 40000 : 9877;
            p.dport = w.side == 'c' ? 9877 : 40000;
            p.seq = w.seq;
            p.ack = w.ack;
            p.flags = w.flags;
            p.window = 500;
            if (!w.blocks.isEmpty()) {
                p.options = testsupport::bytes({1, 1, 5, 2 + 8 * int(w.blocks.size())});
                for (const auto &[start, end] : w.blocks) {
                    for (quint32 v : {start, end})
                        p.options +=
                            testsupport::bytes({int(v >> 24), int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)});
                }
            }
            const QByteArray bytes = p.build();
            TcpSegment seg;
            QCOMPARE_EQ(parseIpTcp(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), seg,
                                   Completeness::HeadersOnly),
                        ParseStatus::Ok);
            seg.payloadLength = w.len;
            trace.appendSend(t += 1000, w.side == 'c' ? Side::Client : Side::Server, bytes, seg);
        }
        SegmentLabeler labeler(trace);
        labeler.update();
        QCOMPARE(labeler.label(4, NumberStyle::Symbolic), u"ACK J+101"_s);
        QCOMPARE(labeler.label(5, NumberStyle::Symbolic), u"ACK J+101, SACK J+201:J+301"_s);
        QCOMPARE(labeler.label(6, NumberStyle::Symbolic), u"ACK J+101, SACK J+201:J+401"_s);
        QCOMPARE(labeler.label(7, NumberStyle::Symbolic), u"ACK J+101, SACK J+501:J+601 J+201:J+401"_s);
        QCOMPARE(labeler.label(7, NumberStyle::Relative), u"ACK 101, SACK 501:601 201:401"_s);
        QCOMPARE(labeler.label(7, NumberStyle::Absolute), u"ACK 1101, SACK 1501:1601 1201:1401"_s);
        QCOMPARE(labeler.label(8, NumberStyle::Symbolic), u"ACK J+601, D-SACK J+101:J+201"_s);
        QCOMPARE(labeler.label(9, NumberStyle::Symbolic), u"ACK J+601, D-SACK J+301:J+401, SACK J+201:J+501"_s);
        // The ACK is not new, but the blocks extend it: both are shown.
        QCOMPARE(labeler.label(10, NumberStyle::Symbolic), u"seq K+1, len 10, ACK J+601, SACK J+701:J+801"_s);
        // A block for a SYN or a FIN received twice is no data: the label stays the textbook's.
        QCOMPARE(labeler.label(11, NumberStyle::Symbolic), u"ACK J+601"_s);
        QCOMPARE(labeler.label(13, NumberStyle::Symbolic), u"ACK M+1"_s);
    }

    void styleNames()
    {
        NumberStyle s = NumberStyle::Symbolic;
        QVERIFY(numberStyleFromName(u"Relative"_s, s));
        QCOMPARE(s, NumberStyle::Relative);
        QVERIFY(!numberStyleFromName(u"roman"_s, s));
        QCOMPARE(numberStyleName(NumberStyle::Absolute), u"absolute"_s);
    }
};

SYNSCOPE_TEST_MAIN(TestSegmentLabels)
#include "tst_segmentlabels.moc"
