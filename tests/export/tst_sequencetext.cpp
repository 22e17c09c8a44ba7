// SPDX-License-Identifier: GPL-3.0-or-later
// Mermaid and PlantUML exports: one message per segment on the wire, in the trace's order, with
// the diagram's labels; calls and states as notes; characters the languages treat specially escaped.

#include "generatedtrace.h"
#include "io/mermaidexport.h"
#include "io/plantumlexport.h"
#include "testmain.h"
#include "trace/segmentlabels.h"
#include "trace/trace.h"

#include <QRegularExpression>

namespace {

struct Message {
    QString from;
    QString arrow;
    QString to;
    QString text;
};

// The message lines of the text, parsed with each language's arrow syntax.
QList<Message> messages(const QString &text, const QRegularExpression &re)
{
    QList<Message> out;
    for (const QString &line : text.split(u'\n')) {
        const QRegularExpressionMatch m = re.match(line);
        if (m.hasMatch()) out.append({m.captured(1), m.captured(2), m.captured(3), m.captured(4)});
    }
    return out;
}

const QRegularExpression kMermaidMessage(QStringLiteral("^    (\\w+)(->>|-x)(\\w+): (.*)$"));
const QRegularExpression kPlantUmlMessage(QStringLiteral("^(\\w+) (->|->x) (\\w+) : (.*)$"));

struct Expected {
    QString from;
    QString to;
    QString label;
    bool lost;
};

QList<Expected> expectedMessages(const Trace &trace, NumberStyle style)
{
    SegmentLabeler labeler(trace);
    labeler.update();
    QList<Expected> out;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind != EventKind::Send && e.kind != EventKind::Duplicate) continue;
        bool lost = false;
        if (e.kind == EventKind::Send) {
            for (qsizetype j = i + 1; j < trace.size(); ++j)
                lost = lost || (trace.at(j).kind == EventKind::Drop && qsizetype(trace.at(j).ref) == i);
        }
        const bool client = e.side == Side::Client;
        out.append({client ? QStringLiteral("clientTcp") : QStringLiteral("serverTcp"),
                    client ? QStringLiteral("serverTcp") : QStringLiteral("clientTcp"),
                    labeler.label(trace.sendIndexOf(i), style), lost});
    }
    return out;
}

} // namespace

class TestSequenceText : public QObject {
    Q_OBJECT
private slots:
    void oneMessagePerSegmentInOrder_data();
    void oneMessagePerSegmentInOrder();
    void callsAndStatesAreNotes();
    void stepRangeKeepsOnlyItsEvents();
    void mermaidEscapes_data();
    void mermaidEscapes();
    void plantUmlEscapes_data();
    void plantUmlEscapes();
    void detailIsASecondLine();
};

void TestSequenceText::oneMessagePerSegmentInOrder_data()
{
    QTest::addColumn<bool>("mermaid");
    QTest::addColumn<NumberStyle>("style");
    QTest::newRow("mermaid symbolic") << true << NumberStyle::Symbolic;
    QTest::newRow("mermaid absolute") << true << NumberStyle::Absolute;
    QTest::newRow("plantuml symbolic") << false << NumberStyle::Symbolic;
    QTest::newRow("plantuml relative") << false << NumberStyle::Relative;
}

void TestSequenceText::oneMessagePerSegmentInOrder()
{
    QFETCH(bool, mermaid);
    QFETCH(NumberStyle, style);
    Trace trace;
    GeneratedTrace::build(trace, 4);
    SequenceScript::Options options;
    options.numbers = style;
    const QString text = mermaid ? MermaidExport::toText(trace, options) : PlantUmlExport::toText(trace, options);
    const QList<Message> got = messages(text, mermaid ? kMermaidMessage : kPlantUmlMessage);
    const QList<Expected> want = expectedMessages(trace, style);
    QCOMPARE(got.size(), want.size());
    int lost = 0;
    for (qsizetype i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].from, want[i].from);
        QCOMPARE(got[i].to, want[i].to);
        // The label is the diagram's, escaped; the generated labels have nothing to escape.
        QVERIFY2(got[i].text.startsWith(want[i].label), qPrintable(got[i].text + u" / " + want[i].label));
        const bool drawnLost = got[i].arrow.endsWith(u'x');
        QCOMPARE(drawnLost, want[i].lost);
        lost += drawnLost ? 1 : 0;
    }
    QCOMPARE(lost, 1); // the generated trace drops one data segment
    QVERIFY(got.first().text.startsWith(QStringLiteral("SYN")));
}

void TestSequenceText::callsAndStatesAreNotes()
{
    Trace trace;
    GeneratedTrace::build(trace, 0);
    const QString mermaid = MermaidExport::toText(trace, {});
    QVERIFY(mermaid.startsWith(QStringLiteral("sequenceDiagram\n")));
    QVERIFY(mermaid.contains(QStringLiteral("participant clientApp as client app\n")));
    QVERIFY(mermaid.contains(QStringLiteral("Note over clientApp: connect(")));
    QVERIFY(mermaid.contains(QStringLiteral("Note over clientApp: connect returns 0\n")));
    QVERIFY(mermaid.contains(QStringLiteral("Note over serverTcp: SYN_RCVD\n")));
    // The state note comes after the SYN that made it.
    QVERIFY(mermaid.indexOf(QStringLiteral("Note over clientTcp: SYN_SENT"))
            > mermaid.indexOf(QStringLiteral("clientTcp->>serverTcp: SYN")));

    const QString plantuml = PlantUmlExport::toText(trace, {});
    QVERIFY(plantuml.startsWith(QStringLiteral("@startuml\n")));
    QVERIFY(plantuml.endsWith(QStringLiteral("@enduml\n")));
    QVERIFY(plantuml.contains(QStringLiteral("participant \"client app\" as clientApp\n")));
    QVERIFY(plantuml.contains(QStringLiteral("note over serverApp : accept returns 4\n")));
    QVERIFY(plantuml.contains(QStringLiteral("note over clientTcp : TIME_WAIT\n")));
}

void TestSequenceText::stepRangeKeepsOnlyItsEvents()
{
    Trace trace;
    GeneratedTrace::build(trace, 3);
    // Up to the connect's return: the handshake only.
    qsizetype connectReturn = -1;
    for (qsizetype i = 0; i < trace.size() && connectReturn < 0; ++i) {
        if (trace.at(i).kind == EventKind::Return && trace.callRecord(trace.at(i)).fn == u"connect") connectReturn = i;
    }
    QVERIFY(connectReturn > 0);
    SequenceScript::Options options;
    options.lastEvent = connectReturn;
    const QList<Message> got = messages(MermaidExport::toText(trace, options), kMermaidMessage);
    QCOMPARE(got.size(), 3);
    QCOMPARE(got[0].text, QStringLiteral("SYN J"));
    QCOMPARE(got[1].text, QStringLiteral("SYN K, ACK J+1"));
    QCOMPARE(got[2].text, QStringLiteral("ACK K+1"));
}

void TestSequenceText::mermaidEscapes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    QTest::newRow("plain") << QStringLiteral("SYN J, ACK K+1") << QStringLiteral("SYN J, ACK K+1");
    QTest::newRow("semicolon ends a statement") << QStringLiteral("a;b") << QStringLiteral("a#59;b");
    QTest::newRow("hash starts an entity") << QStringLiteral("#1") << QStringLiteral("#35;1");
    QTest::newRow("newline") << QStringLiteral("one\ntwo") << QStringLiteral("one<br/>two");
    QTest::newRow("html") << QStringLiteral("<b>") << QStringLiteral("#lt;b#gt;");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("say #quot;hi#quot;");
    QTest::newRow("control") << QStringLiteral("a\tb\r\n") << QStringLiteral("a b<br/>");
}

void TestSequenceText::mermaidEscapes()
{
    QFETCH(QString, input);
    QFETCH(QString, output);
    QCOMPARE(MermaidExport::escape(input), output);
}

void TestSequenceText::plantUmlEscapes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    QTest::newRow("plain") << QStringLiteral("SYN J, ACK K+1") << QStringLiteral("SYN J, ACK K+1");
    QTest::newRow("backslash") << QStringLiteral("a\\nb") << QStringLiteral("a&#92;nb");
    QTest::newRow("newline") << QStringLiteral("one\ntwo") << QStringLiteral("one\\ntwo");
    QTest::newRow("quote") << QStringLiteral("\"x\"") << QStringLiteral("&#34;x&#34;");
    QTest::newRow("html") << QStringLiteral("<b>&") << QStringLiteral("&#60;b&#62;&#38;");
    QTest::newRow("creole bold") << QStringLiteral("a**b") << QStringLiteral("a&#42;&#42;b");
    QTest::newRow("creole strike") << QStringLiteral("x--y") << QStringLiteral("x&#45;&#45;y");
    QTest::newRow("single marks stay") << QStringLiteral("a-b/c_d") << QStringLiteral("a-b/c_d");
    QTest::newRow("list mark at line start") << QStringLiteral("* a\n# b") << QStringLiteral("&#42; a\\n&#35; b");
    QTest::newRow("tilde escapes creole") << QStringLiteral("~x") << QStringLiteral("&#126;x");
}

void TestSequenceText::plantUmlEscapes()
{
    QFETCH(QString, input);
    QFETCH(QString, output);
    QCOMPARE(PlantUmlExport::escape(input), output);
}

void TestSequenceText::detailIsASecondLine()
{
    Trace trace;
    GeneratedTrace::build(trace, 0);
    SegmentLabeler labeler(trace);
    labeler.update();
    SequenceScript::Options options;
    options.detail = true;
    const QList<Message> mermaid = messages(MermaidExport::toText(trace, options), kMermaidMessage);
    QVERIFY(!mermaid.isEmpty());
    qsizetype syn = 0;
    while (trace.at(syn).kind != EventKind::Send)
        ++syn;
    QCOMPARE(mermaid.first().text,
             MermaidExport::escape(labeler.label(syn, NumberStyle::Symbolic) + u'\n' + labeler.detail(syn)));
    const QList<Message> plantuml = messages(PlantUmlExport::toText(trace, options), kPlantUmlMessage);
    QVERIFY(plantuml.first().text.contains(QStringLiteral("\\n")));
}

SYNSCOPE_TEST_MAIN(TestSequenceText)
#include "tst_sequencetext.moc"
