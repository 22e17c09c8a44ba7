// SPDX-License-Identifier: GPL-3.0-or-later
// The textbook labels from generated traces (TraceInfo.source = "generated"): each row is a
// sequence of segments with the labels a lecturer expects to read on the arrows.
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

const Segs kHandshake = { { 'c', S, 1000, 0 }, { 's', S | A, 5000, 1001 }, { 'c', A, 1001, 5001 } };
}

Q_DECLARE_METATYPE(Seg)

class TestSegmentLabels : public QObject {
    Q_OBJECT
private slots:
    void symbolic_data()
    {
        QTest::addColumn<Segs>("segs");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("handshake") << kHandshake << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s };
        QTest::newRow("four-way close") << (kHandshake
            + Segs { { 'c', F | A, 1001, 5001 }, { 's', A, 5001, 1002 }, { 's', F | A, 5001, 1002 },
                { 'c', A, 1002, 5002 } })
                                        << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"FIN M"_s,
                                               u"ACK M+1"_s, u"FIN N"_s, u"ACK N+1"_s };
        // The passive side closes before its delayed ACK leaves: the ACK rides on its FIN.
        QTest::newRow("three-segment close")
            << (kHandshake + Segs { { 'c', F | A, 1001, 5001 }, { 's', F | A, 5001, 1002 }, { 'c', A, 1002, 5002 } })
            << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"FIN M"_s, u"FIN N, ACK M+1"_s,
                   u"ACK N+1"_s };
        QTest::newRow("data") << (kHandshake
            + Segs { { 'c', P | A, 1001, 5001, 5 }, { 's', P | A, 5001, 1006, 9 }, { 'c', A, 1006, 5010 },
                { 'c', F | A, 1006, 5010 }, { 's', A, 5010, 1007 } })
                              << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"seq J+1, len 5"_s,
                                     u"seq K+1, len 9, ACK J+6"_s, u"ACK K+10"_s, u"FIN M"_s, u"ACK M+1"_s };
        // An ACK of exactly the number the FIN will later carry was sent before the FIN: it keeps J.
        QTest::newRow("ack before the fin keeps its letter")
            << (kHandshake + Segs { { 'c', P | A, 1001, 5001, 5 }, { 's', A, 5001, 1006 }, { 'c', F | A, 1006, 5001 } })
            << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"seq J+1, len 5"_s, u"ACK J+6"_s,
                   u"FIN M"_s };
        QTest::newRow("refused") << Segs { { 'c', S, 1000, 0 }, { 's', R | A, 0, 1001 } }
                                 << QStringList { u"SYN J"_s, u"RST, ACK J+1"_s };
        QTest::newRow("lost syn") << Segs { { 'c', S, 1000, 0 }, { 'c', S, 1000, 0 }, { 's', S | A, 5000, 1001 } }
                                  << QStringList { u"SYN J"_s, u"SYN J"_s, u"SYN K, ACK J+1"_s };
        QTest::newRow("retransmitted fin")
            << (kHandshake + Segs { { 'c', F | A, 1001, 5001 }, { 'c', F | A, 1001, 5001 }, { 's', A, 5001, 1002 } })
            << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"FIN M"_s, u"FIN M"_s, u"ACK M+1"_s };
        QTest::newRow("abortive close") << (kHandshake + Segs { { 'c', R | A, 1001, 5001 } })
                                        << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s,
                                               u"RST J+1, ACK K+1"_s };
        // Both sides connect at once, the server's SYN first on the wire: letters still follow the
        // sender's sequence space (client J, server K), not the order on the wire.
        QTest::newRow("simultaneous open")
            << Segs { { 's', S, 5000, 0 }, { 'c', S, 1000, 0 }, { 'c', S | A, 1000, 5001 }, { 's', S | A, 5000, 1001 } }
            << QStringList { u"SYN K"_s, u"SYN J"_s, u"SYN J, ACK K+1"_s, u"SYN K, ACK J+1"_s };
        // Both close at once, the server's FIN first on the wire: the client's FIN is still M.
        QTest::newRow("simultaneous close, server's FIN first")
            << (kHandshake + Segs { { 's', F | A, 5001, 1001 }, { 'c', F | A, 1001, 5001 } })
            << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"FIN N"_s, u"FIN M"_s };
        QTest::newRow("sequence numbers wrap")
            << Segs { { 'c', S, 0xfffffff0u, 0 }, { 's', S | A, 5000, 0xfffffff1u },
                   { 'c', A | P, 0xfffffff1u, 5001, 20 }, { 'c', A | P, 0x5u, 5001, 1 } }
            << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"seq J+1, len 20, ACK K+1"_s, u"seq J+21, len 1"_s };
        // A capture that starts mid-stream: no letters, Wireshark's relative numbers.
        QTest::newRow("no syn seen") << Segs { { 'c', A | P, 7000, 9000, 10 }, { 's', A, 9000, 7010 } }
                                     << QStringList { u"seq 1, len 10, ACK 1"_s, u"ACK 11"_s };
        QTest::newRow("second connection")
            << (kHandshake + Segs { { 'c', S, 70000, 0, 0, 40001 }, { 's', S | A, 90000, 70001, 0, 40001 } })
            << QStringList { u"SYN J"_s, u"SYN K, ACK J+1"_s, u"ACK K+1"_s, u"SYN J′"_s, u"SYN K′, ACK J′+1"_s };
        QTest::newRow("ecn") << Segs { { 'c', S | TcpFlag::Ece | TcpFlag::Cwr, 1000, 0 } }
                             << QStringList { u"SYN J, ECE, CWR"_s };
    }
    void symbolic()
    {
        QFETCH(Segs, segs);
        QFETCH(QStringList, expected);
        Trace trace;
        fill(trace, segs);
        QCOMPARE(labels(trace, NumberStyle::Symbolic), expected);
    }

    void relativeAndAbsolute()
    {
        Trace trace;
        fill(trace, kHandshake);
        QCOMPARE(labels(trace, NumberStyle::Relative), (QStringList { u"SYN 0"_s, u"SYN 0, ACK 1"_s, u"ACK 1"_s }));
        QCOMPARE(labels(trace, NumberStyle::Absolute),
            (QStringList { u"SYN 1000"_s, u"SYN 5000, ACK 1001"_s, u"ACK 5001"_s }));
    }

    // A wire action is labelled as the Send it acts on; labels never change as the trace grows.
    void wireActionsAndGrowth()
    {
        Trace trace;
        fill(trace, { kHandshake[0] });
        SegmentLabeler labeler(trace);
        labeler.update();
        QCOMPARE(labeler.label(0, NumberStyle::Symbolic), u"SYN J"_s);
        Event drop = trace.at(0);
        drop.kind = EventKind::Drop;
        drop.ref = 0;
        trace.appendRaw(drop);
        fill(trace, { kHandshake[1], kHandshake[2] });
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
        const QByteArray packet
            = QByteArray::fromHex("4500003c00004000400600000a0000010a0000029c4026950000000a00000000a002faf000000000"
                                  "020405b40402080a000000000000000001030307");
        TcpSegment seg;
        QCOMPARE(
            parseIpv4Tcp(reinterpret_cast<const uchar *>(packet.constData()), packet.size(), seg), ParseStatus::Ok);
        Trace trace;
        trace.appendSend(0, Side::Client, packet, seg);
        SegmentLabeler labeler(trace);
        labeler.update();
        QCOMPARE(labeler.label(0, NumberStyle::Absolute), u"SYN 10"_s);
        QCOMPARE(labeler.detail(0), u"win 64240 · MSS 1460, SACK_PERM, TS, WS 7"_s);
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
