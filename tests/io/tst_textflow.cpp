// SPDX-License-Identifier: GPL-3.0-or-later
// Text flow export: one line per event, textbook labels on arrows, calls and states in their
// columns, the states a segment causes on its line; and the command line that writes it.
#include "capturewriter.h"
#include "io/textflow.h"
#include "scenario.h"
#include "testmain.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>

namespace {
// A generated trace (no kernel ran it): a refused connect, as the lab records one.
void refusedConnect(Trace &trace)
{
    TraceInfo info;
    info.source = QStringLiteral("generated");
    info.clientAddress = QStringLiteral("10.0.0.1");
    info.serverAddress = QStringLiteral("10.0.0.2");
    trace.setInfo(info);
    const auto send = [&](qint64 t, Side side, quint32 seq, quint32 ack, quint8 flags) {
        CaptureWriter::Segment s;
        const bool client = side == Side::Client;
        s.src = client ? 0x0a000001 : 0x0a000002;
        s.dst = client ? 0x0a000002 : 0x0a000001;
        s.sport = client ? 40000 : 9877;
        s.dport = client ? 9877 : 40000;
        s.seq = seq;
        s.ack = ack;
        s.flags = flags;
        const QByteArray bytes = CaptureWriter::ipPacket(s);
        TcpSegment parsed;
        QCOMPARE(parseIpTcp(reinterpret_cast<const uchar *>(bytes.constData()), bytes.size(), parsed), ParseStatus::Ok);
        const qsizetype index = trace.appendSend(t, side, bytes, parsed);
        trace.appendWireAction(t + 500, EventKind::Deliver, index);
    };
    CallRecord connect;
    connect.fn = QStringLiteral("connect");
    const qsizetype call = trace.appendCall(1000, Side::Client, EventKind::Call, connect);
    send(2000, Side::Client, 100, 0, TcpFlag::Syn);
    trace.appendState(2000, Side::Client, 40000, 9877, TcpState::SynSent);
    send(3000, Side::Server, 0, 101, TcpFlag::Rst | TcpFlag::Ack);
    CallRecord ret = connect;
    ret.hasResult = true;
    ret.result = -1;
    ret.err = ECONNREFUSED;
    ret.callEvent = call;
    trace.appendCall(4000, Side::Client, EventKind::Return, ret);
}
} // namespace

class TestTextFlow : public QObject {
    Q_OBJECT

private slots:
    void labTrace()
    {
        Trace trace;
        refusedConnect(trace);
        const QStringList lines = TextFlow::toString(trace).split(u'\n');
        QVERIFY(lines.value(0).contains(u"generated trace"));
        QCOMPARE(lines.value(1), QStringLiteral("client 10.0.0.1, server 10.0.0.2"));
        QVERIFY(lines.value(3).contains(u"time (s)"));
        // One line per event except the deliveries; the state joins its segment's line.
        const QStringList body = lines.mid(4, 4);
        QVERIFY2(body[0].startsWith(u"  0.000001  connect() ..."), qPrintable(body[0]));
        QVERIFY2(body[1].contains(QRegularExpression(QStringLiteral("^  0\\.000002 +SYN_SENT +-+ SYN J -+>$"))),
                 qPrintable(body[1]));
        QVERIFY2(body[2].contains(QRegularExpression(QStringLiteral("<-+ RST, ACK J\\+1 -+$"))), qPrintable(body[2]));
        QVERIFY2(body[3].startsWith(u"  0.000004  connect() = -1 ECONNREFUSED"), qPrintable(body[3]));
        QCOMPARE(lines.value(8), QString()); // and nothing after
        QCOMPARE(lines.size(), 9);
    }

    void numberStyles()
    {
        Trace trace;
        refusedConnect(trace);
        QVERIFY(TextFlow::toString(trace, NumberStyle::Absolute).contains(u" SYN 100 "));
        QVERIFY(TextFlow::toString(trace, NumberStyle::Relative).contains(u" SYN 0 "));
    }

    void emptyTrace()
    {
        Trace trace;
        QVERIFY(TextFlow::toString(trace).contains(u"(no events)"));
    }

    // `synscope capture.pcap --stream N --export out.txt`, headless.
    void commandLine()
    {
        const QString app = qEnvironmentVariable("SYNSCOPE_APP");
        if (app.isEmpty()) QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
        QTemporaryDir dir;
        QString error;
        const QString capture = dir.filePath(QStringLiteral("c.pcap"));
        QVERIFY2(GeneratedCapture::write(capture, CaptureWriter::Link::Ethernet, &error), qPrintable(error));
        const QString out = dir.filePath(QStringLiteral("out.txt"));
        QProcess p;
        p.start(app, {capture, QStringLiteral("--stream"), QStringLiteral("1"), QStringLiteral("--export"), out});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(u"client 10.1.0.3:40001, server 10.1.0.2:81"), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("SYN_SENT +-+ SYN J -+> LISTEN"))), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("CLOSED +<-+ RST, ACK J\\+1 -+"))), qPrintable(text));

        // A stream the file does not have: one message, exit status 1, no file.
        const QString missing = dir.filePath(QStringLiteral("missing.txt"));
        p.start(app, {capture, QStringLiteral("--stream"), QStringLiteral("9"), QStringLiteral("--export"), missing});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(p.readAllStandardError().contains("has no TCP stream 9"), "message names the stream");
        QVERIFY(!QFile::exists(missing));
    }
};

SYNSCOPE_TEST_MAIN(TestTextFlow)
#include "tst_textflow.moc"
