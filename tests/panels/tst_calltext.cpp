// SPDX-License-Identifier: GPL-3.0-or-later
// One text for a call everywhere: the call panel, the diagram, the details panel and the exports
// write a call the same way, its arguments in the order of the C prototype (the table of calls),
// not sorted by name ("listen(backlog=5, fd=3)" was the panels', "listen(3, 5)" the diagram's).

#include "diagram/diagramrenderer.h"
#include "io/sequencescript.h"
#include "panels/callpanel.h"
#include "panels/detailspanel.h"
#include "testmain.h"
#include "trace/eventtext.h"
#include "trace/trace.h"

#include <QTest>
#include <QTextDocumentFragment>
#include <QTreeWidget>
#include <cerrno>

namespace {

struct Made {
    qsizetype call = -1, ret = -1;
};

Made made(Trace &trace, qint64 tNs, Side side, const QString &fn, const QJsonObject &args, qint64 result, int err = 0,
          const QString &detail = {})
{
    CallRecord call;
    call.fn = fn;
    call.args = args;
    Made m;
    m.call = trace.appendCall(tNs, side, EventKind::Call, call);
    CallRecord ret;
    ret.fn = fn;
    ret.hasResult = true;
    ret.result = result;
    ret.err = err;
    ret.detail = detail;
    ret.callEvent = m.call;
    m.ret = trace.appendCall(tNs + 1000, side, EventKind::Return, ret);
    return m;
}

QString plain(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText().replace(QChar::Nbsp, u' ');
}

} // namespace

class TestCallText : public QObject {
    Q_OBJECT
private slots:
    void oneTextInPanelDiagramAndDetails()
    {
        Trace trace;
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
        const Made socket = made(trace, 1'000'000, Side::Server, QStringLiteral("socket"),
                                 {{QStringLiteral("domain"), QStringLiteral("AF_INET")},
                                  {QStringLiteral("type"), QStringLiteral("SOCK_STREAM")},
                                  {QStringLiteral("protocol"), 0}},
                                 3);
        const Made bind = made(trace, 2'000'000, Side::Server, QStringLiteral("bind"),
                               {{QStringLiteral("fd"), 3},
                                {QStringLiteral("addr"), QStringLiteral("10.0.0.2")},
                                {QStringLiteral("port"), 9877}},
                               -1, EADDRINUSE);
        const Made listen = made(trace, 3'000'000, Side::Server, QStringLiteral("listen"),
                                 {{QStringLiteral("fd"), 3}, {QStringLiteral("backlog"), 5}}, 0);
        const Made linger = made(trace, 4'000'000, Side::Server, QStringLiteral("setsockopt"),
                                 {{QStringLiteral("fd"), 3},
                                  {QStringLiteral("option"), QStringLiteral("SO_LINGER")},
                                  {QStringLiteral("l_onoff"), 1},
                                  {QStringLiteral("l_linger"), 0}},
                                 0);
        const Made write = made(
            trace, 5'000'000, Side::Server, QStringLiteral("write"),
            {{QStringLiteral("fd"), 3}, {QStringLiteral("count"), 3}, {QStringLiteral("data"), QStringLiteral("hi\n")}},
            3);
        // The arguments in the order of the prototype, whatever the order of the recorded keys.
        const std::pair<Made, QString> expected[] = {
            {socket, QStringLiteral("socket(AF_INET, SOCK_STREAM) = 3")},
            {bind, QStringLiteral("bind(3, 10.0.0.2:9877) = -1 EADDRINUSE")},
            {listen, QStringLiteral("listen(3, 5) = 0")},
            {linger, QStringLiteral("setsockopt(3, SO_LINGER, 1, 0) = 0")},
            {write, QStringLiteral("write(3, \"hi\\n\", 3) = 3")},
        };

        const DiagramRenderer diagram(trace, DiagramOptions {});
        DetailsPanel details;
        details.setTrace(&trace);
        CallPanel panel(Side::Server);
        for (const auto &[m, text] : expected) {
            const CallRecord &call = trace.callRecord(trace.at(m.call));
            QCOMPARE(EventText::callText(call, &trace.callRecord(trace.at(m.ret))), text);
            // The diagram: the call's line (call and return on one row).
            QCOMPARE(diagram.fullText(m.call), text);
            // The details of the call and of its return.
            for (qsizetype selected : {m.call, m.ret}) {
                details.setEventIndex(selected);
                QCOMPARE(details.summaryText().replace(QChar::Nbsp, u' '), text);
            }
            // The call panel, showing the program as the trace has it just after the return.
            panel.showAsOf(&trace, m.ret + 1);
            QVERIFY2(plain(panel.resultText()).contains(text), qPrintable(plain(panel.resultText())));
        }
        // The details list the arguments in the same order.
        details.setEventIndex(bind.call);
        QStringList names;
        for (int i = 0; i < details.tree()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *section = details.tree()->topLevelItem(i);
            if (section->text(0) != u"Arguments") continue;
            for (int k = 0; k < section->childCount(); ++k)
                names << section->child(k)->text(0);
        }
        QCOMPARE(names, (QStringList {QStringLiteral("fd"), QStringLiteral("addr"), QStringLiteral("port")}));
        // A failed call is marked ✗ on the panel, with what its errno means.
        panel.showAsOf(&trace, bind.ret + 1);
        QVERIFY2(plain(panel.resultText()).startsWith(u"✗ bind(3, 10.0.0.2:9877) = -1 EADDRINUSE"),
                 qPrintable(plain(panel.resultText())));
        // A call not yet returned.
        panel.showAsOf(&trace, listen.call + 1);
        QVERIFY2(plain(panel.resultText()).startsWith(u"listen(3, 5) blocks"), qPrintable(plain(panel.resultText())));
        // The exports name the call the same way.
        const QString mermaid = MermaidExport::toText(trace, {});
        QVERIFY2(mermaid.contains(QStringLiteral("listen(3, 5)")), qPrintable(mermaid));
        QVERIFY(mermaid.contains(QStringLiteral("bind(3, 10.0.0.2:9877)")));
    }
};

SYNSCOPE_TEST_MAIN(TestCallText)
#include "tst_calltext.moc"
