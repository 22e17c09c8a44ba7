// SPDX-License-Identifier: GPL-3.0-or-later
// A caption's per-run numbers come from the recording: {win:side} and {resend:side} are filled in
// from the step's events (generated here), a field the step did not produce shows "…", and a
// scenario file naming an unknown field is refused where it says so.

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
    // No field: the caption as written, braces of other kinds included.
    QCOMPARE(CaptionFields::fill(QStringLiteral("SO_LINGER {on, 0}"), trace, labels, 0, trace.size()),
             QStringLiteral("SO_LINGER {on, 0}"));
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
    QVERIFY(CaptionFields::unknownField(QStringLiteral("{win:client} and {resend:server}")).isEmpty());
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
