// SPDX-License-Identifier: GPL-3.0-or-later
// A caption's per-run numbers come from the recording: {win:side}, {resend:side}, {again:side} and {delack:side} are
// filled in from the step's events (generated here), a field the step did not produce shows "…", and a scenario file
// naming an unknown field is refused where it says so.

#include "scenario/captionfields.h"
#include "scenario/scenario.h"
#include "testmain.h"
#include "trace/generatedtrace.h"
#include "trace/segmentlabels.h"
#include "trace/tcpsegment.h"

class TestCaptionFields : public QObject {
    Q_OBJECT
private slots:
    void fillsFromTheStep();
    void delayedAckFromTheDelivery();
    void missingFieldIsAnEllipsis();
    void unknownFieldIsRefusedWhenLoaded();
    void recordedCaptionIsToldApart();
};

void TestCaptionFields::fillsFromTheStep()
{
    Trace trace;
    generated::Builder b(trace);
    b.send(Side::Client, TcpFlag::Syn, 1000, 0);
    const qsizetype stepBegin = trace.size();
    b.tick(1'000'000'000); // the kernel's RTO: 1 s after the first copy
    b.send(Side::Client, TcpFlag::Syn, 1000, 0, 0, EventMark::Retransmission);
    b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, 5000, 1001);
    SegmentLabeler labels(trace);
    labels.update();
    const QString text =
        CaptionFields::fill(QStringLiteral("resent after {resend:client}; the server offers {win:server}."), trace,
                            labels, stepBegin, trace.size());
    QCOMPARE(text, QStringLiteral("resent after 1.0 s; the server offers 64240 bytes."));
    // Outside the step, nothing: the resend is not in [0, stepBegin).
    QCOMPARE(CaptionFields::fill(QStringLiteral("{resend:client}"), trace, labels, 0, stepBegin), QStringLiteral("…"));
    // Lost again: {resend:} counts from the first copy, {again:} from the copy before (the timeout
    // the kernel waited this time, doubled).
    const qsizetype secondStep = trace.size();
    b.tick(2'000'000'000);
    b.send(Side::Client, TcpFlag::Syn, 1000, 0, 0, EventMark::Retransmission);
    QCOMPARE(
        CaptionFields::fill(QStringLiteral("{resend:client}, {again:client}"), trace, labels, secondStep, trace.size()),
        QStringLiteral("3.0 s, 2.0 s"));
    QCOMPARE(CaptionFields::fill(QStringLiteral("{again:client}"), trace, labels, stepBegin, secondStep),
             QStringLiteral("1.0 s"));
    // No field: the caption as written, braces of other kinds included.
    QCOMPARE(CaptionFields::fill(QStringLiteral("SO_LINGER {on, 0}"), trace, labels, 0, trace.size()),
             QStringLiteral("SO_LINGER {on, 0}"));
}

void TestCaptionFields::delayedAckFromTheDelivery()
{
    Trace trace;
    generated::Builder b(trace);
    const qsizetype data = b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, 1001, 5001, 1);
    const qsizetype stepBegin = trace.size();
    b.deliver(data); // 1 ms per event; the delayed-ACK timer runs 40 ms more
    b.tick(40'000'000);
    b.send(Side::Server, TcpFlag::Ack | TcpFlag::Psh, 5001, 1002, 3); // a reply carrying the ACK is no pure ACK
    b.send(Side::Server, TcpFlag::Ack, 5004, 1002);
    SegmentLabeler labels(trace);
    labels.update();
    QCOMPARE(CaptionFields::fill(QStringLiteral("{delack:server}"), trace, labels, stepBegin, trace.size()),
             QStringLiteral("42 ms"));
    // The client sent no ACK after a delivery to it.
    QCOMPARE(CaptionFields::fill(QStringLiteral("{delack:client}"), trace, labels, stepBegin, trace.size()),
             QStringLiteral("…"));
}

void TestCaptionFields::missingFieldIsAnEllipsis()
{
    Trace trace;
    const SegmentLabeler labels(trace);
    QCOMPARE(CaptionFields::fill(QStringLiteral("window {win:client}"), trace, labels, 0, 0),
             QStringLiteral("window …"));
}

void TestCaptionFields::unknownFieldIsRefusedWhenLoaded()
{
    QVERIFY(
        CaptionFields::unknownField(QStringLiteral("{win:client} and {resend:server}, {again:client}, {delack:server}"))
            .isEmpty());
    QCOMPARE(CaptionFields::unknownField(QStringLiteral("a {delay:client}")), QStringLiteral("{delay:client}"));
    const QByteArray file = R"({ "format": "synscope-scenario", "version": 1, "id": "x", "title": "x",
        "steps": [ { "caption": "took {rtt:client}", "do": [] } ] })";
    QString error;
    Scenario s;
    QVERIFY(!ScenarioFile::parse(file, s, &error));
    QVERIFY2(error.contains(QStringLiteral("{rtt:client}")) && error.contains(QStringLiteral("caption")),
             qPrintable(error));
}

// A recording keeps its captions filled in; the window shows them in another language only when
// the recorded text is this template filled in (whatever the values and their units).
void TestCaptionFields::recordedCaptionIsToldApart()
{
    const QString caption = QStringLiteral("SYN J again after {resend:client}, window {win:server} {on, 0 s}.");
    QVERIFY(
        CaptionFields::isFilledFrom(caption, QStringLiteral("SYN J again after 1.0 s, window 1408 bytes {on, 0 s}.")));
    QVERIFY(CaptionFields::isFilledFrom(caption, QStringLiteral("SYN J again after …, window 1408 Bytes {on, 0 s}.")));
    QVERIFY(
        !CaptionFields::isFilledFrom(caption, QStringLiteral("SYN K again after 1.0 s, window 1408 bytes {on, 0 s}.")));
    QVERIFY(!CaptionFields::isFilledFrom(caption, QStringLiteral("SYN J again after , window 1408 bytes {on, 0 s}.")));
    QVERIFY(!CaptionFields::isFilledFrom(caption, QStringLiteral("SYN J again after 1.0 s, window 1408 bytes.")));
    // Text of a template that reads like a pattern is matched as text.
    QVERIFY(CaptionFields::isFilledFrom(QStringLiteral("a+b (c)? {win:client}"), QStringLiteral("a+b (c)? 5 bytes")));
    QVERIFY(!CaptionFields::isFilledFrom(QStringLiteral("a+b (c)? {win:client}"), QStringLiteral("aab c 5 bytes")));
}

SYNSCOPE_TEST_MAIN(TestCaptionFields)
#include "tst_captionfields.moc"
