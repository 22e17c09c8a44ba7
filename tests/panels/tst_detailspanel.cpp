// SPDX-License-Identifier: GPL-3.0-or-later
// The details panel on a generated trace (labelled "generated"; the packet is built by the test,
// not sent by a kernel): every header field and option of a SYN, the hex dump of its bytes, and
// a call with its arguments, result, errno and blocked time; a SYN its sender resent, with every
// copy and what the wire did with it, kept up to date as the wire acts.

#include "panels/detailspanel.h"
#include "testmain.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QTreeWidget>
#include <algorithm>
#include <cerrno>

namespace {
// A SYN from 10.0.0.1:40000 to 10.0.0.2:9877 with MSS 1460, SACK_PERM, TS, WS 7 (as Linux sends).
QByteArray synPacket()
{
    QByteArray p(60, '\0');
    auto *d = reinterpret_cast<uchar *>(p.data());
    const uchar ip[]
        = { 0x45, 0x00, 0x00, 0x3c, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06, 0xab, 0xcd, 10, 0, 0, 1, 10, 0, 0, 2 };
    const uchar tcp[]
        = { 0x9c, 0x40, 0x26, 0x95, 0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0, 0xa0, 0x02, 0xfa, 0xf0, 0xbe, 0xef, 0, 0,
              // MSS 1460, SACK_PERM, TS 1000/0, NOP, WS 7
              2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0x03, 0xe8, 0, 0, 0, 0, 1, 3, 3, 7 };
    std::copy(std::begin(ip), std::end(ip), d);
    std::copy(std::begin(tcp), std::end(tcp), d + 20);
    return p;
}

// "Field" -> "Value" of every row of the tree, sections included as "section: title".
QHash<QString, QString> rows(QTreeWidget *tree)
{
    QHash<QString, QString> out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *s = tree->topLevelItem(i);
        out.insert(QStringLiteral("section %1").arg(i), s->text(0));
        for (int j = 0; j < s->childCount(); ++j)
            out.insert(s->child(j)->text(0), s->child(j)->text(1));
    }
    return out;
}
}

class TestDetailsPanel : public QObject {
    Q_OBJECT
private slots:
    void segmentFieldsAndBytes()
    {
        Trace trace;
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
        const QByteArray bytes = synPacket();
        TcpSegment s;
        QCOMPARE(parseIpv4Tcp(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), s), ParseStatus::Ok);
        const qsizetype send = trace.appendSend(1000000, Side::Client, bytes, s);
        const qsizetype deliver = trace.appendWireAction(251000000, EventKind::Deliver, send);

        DetailsPanel panel;
        panel.setTrace(&trace);
        panel.setEventIndex(deliver);
        const QHash<QString, QString> r = rows(panel.tree());
        QCOMPARE(r.value(QStringLiteral("Source")), QStringLiteral("10.0.0.1"));
        QCOMPARE(r.value(QStringLiteral("Destination")), QStringLiteral("10.0.0.2"));
        QCOMPARE(r.value(QStringLiteral("Time to live")), QStringLiteral("64"));
        QCOMPARE(r.value(QStringLiteral("Identification")), QStringLiteral("0x1234"));
        QCOMPARE(r.value(QStringLiteral("Source port")), QStringLiteral("40000"));
        QCOMPARE(r.value(QStringLiteral("Destination port")), QStringLiteral("9877"));
        QCOMPARE(r.value(QStringLiteral("Sequence number")), QString::number(0x11223344));
        QCOMPARE(r.value(QStringLiteral("Flags")), QStringLiteral("0x02 (SYN)"));
        QCOMPARE(r.value(QStringLiteral("Window")), QStringLiteral("64240"));
        QCOMPARE(r.value(QStringLiteral("Checksum")), QStringLiteral("0xbeef"));
        QCOMPARE(r.value(QStringLiteral("Maximum segment size")), QStringLiteral("1460 bytes"));
        QCOMPARE(r.value(QStringLiteral("SACK permitted")), QStringLiteral("yes"));
        QCOMPARE(r.value(QStringLiteral("Timestamp value")), QStringLiteral("1000"));
        QCOMPARE(r.value(QStringLiteral("Window scale")), QStringLiteral("7 (multiply by 128)"));
        QCOMPARE(r.value(QStringLiteral("Time on the wire")), QStringLiteral("250.000 ms"));
        QCOMPARE(r.value(QStringLiteral("Sequence space used")), QStringLiteral("1"));
        // Sent once: no list of copies.
        const QStringList fields = r.keys();
        QVERIFY(std::none_of(
            fields.begin(), fields.end(), [](const QString &f) { return f.startsWith(QStringLiteral("Copy")); }));

        // The hex dump shows the bytes, 16 a line, with their offsets.
        const QStringList lines = panel.hexText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith(QStringLiteral("0000  45 00 00 3c 12 34 40 00  40 06 ab cd 0a 00 00 01")));
        QVERIFY(lines[3].startsWith(QStringLiteral("0030  ")));
        QCOMPARE(DetailsPanel::hexDump(QByteArrayView("AB\x01", 3)).trimmed().right(3), QStringLiteral("AB."));
    }

    // The kernel resent the held SYN twice; the diagram may draw the three as one arrow, so the
    // panel lists each: when it was sent and whether it was delivered, dropped or is still held.
    void copiesOfAResentSegment()
    {
        Trace trace;
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
        const QByteArray bytes = synPacket();
        TcpSegment s;
        QCOMPARE(parseIpv4Tcp(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), s), ParseStatus::Ok);
        const qsizetype first = trace.appendSend(1'000'000, Side::Client, bytes, s);
        const qsizetype second = trace.appendSend(1'001'000'000, Side::Client, bytes, s, EventMark::Retransmission);
        const qsizetype third = trace.appendSend(3'001'000'000, Side::Client, bytes, s, EventMark::Retransmission);
        trace.appendWireAction(3'500'000'000, EventKind::Deliver, second);
        const qsizetype dropped = trace.appendWireAction(3'600'000'000, EventKind::Drop, first);

        DetailsPanel panel;
        panel.setTrace(&trace);
        for (qsizetype selected : { first, second, dropped }) {
            panel.setEventIndex(selected);
            const QHash<QString, QString> r = rows(panel.tree());
            QVERIFY(r.values().contains(QStringLiteral("Sent 3 times")));
            const QString one = selected == second ? QStringLiteral("Copy 1") : QStringLiteral("Copy 1 (this one)");
            QCOMPARE(r.value(one), QStringLiteral("sent at 1.000 ms; dropped at 3600.000 ms"));
            const QString two = selected == second ? QStringLiteral("Copy 2 (this one)") : QStringLiteral("Copy 2");
            QCOMPARE(r.value(two),
                QStringLiteral(
                    "sent at 1001.000 ms, retransmission; delivered at 3500.000 ms, the first to get through"));
            QCOMPARE(r.value(QStringLiteral("Copy 3")),
                QStringLiteral("sent at 3001.000 ms, retransmission; still held on the wire"));
        }

        // The held copy is delivered while the panel shows the run: the list follows.
        trace.appendWireAction(4'000'000'000, EventKind::Deliver, third);
        QTRY_COMPARE(rows(panel.tree()).value(QStringLiteral("Copy 3")),
            QStringLiteral(
                "sent at 3001.000 ms, retransmission; delivered at 4000.000 ms, a duplicate for the receiver"));
        QCOMPARE(panel.eventIndex(), dropped);
    }

    void callArgumentsResultAndBlockedTime()
    {
        Trace trace;
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
        CallRecord call;
        call.fn = QStringLiteral("connect");
        call.args = { { QStringLiteral("fd"), 3 }, { QStringLiteral("addr"), QStringLiteral("10.0.0.2") },
            { QStringLiteral("port"), 9877 } };
        const qsizetype c = trace.appendCall(2000000, Side::Client, EventKind::Call, call);
        CallRecord ret;
        ret.fn = QStringLiteral("connect");
        ret.hasResult = true;
        ret.result = -1;
        ret.err = ECONNREFUSED;
        ret.callEvent = c;
        const qsizetype r = trace.appendCall(5000000, Side::Client, EventKind::Return, ret);

        DetailsPanel panel;
        panel.setTrace(&trace);
        for (qsizetype selected : { c, r }) {
            panel.setEventIndex(selected);
            const QHash<QString, QString> fields = rows(panel.tree());
            QCOMPARE(fields.value(QStringLiteral("port")), QStringLiteral("9877"));
            QCOMPARE(fields.value(QStringLiteral("addr")), QStringLiteral("10.0.0.2"));
            QCOMPARE(fields.value(QStringLiteral("Value")), QStringLiteral("-1"));
            QVERIFY(fields.value(QStringLiteral("errno")).startsWith(QStringLiteral("ECONNREFUSED")));
            QCOMPARE(fields.value(QStringLiteral("Blocked for")), QStringLiteral("3.000 ms"));
        }
        QVERIFY(panel.hexText().isEmpty());
        panel.setEventIndex(-1);
        QCOMPARE(panel.tree()->topLevelItemCount(), 0);
    }
};

SYNSCOPE_TEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
