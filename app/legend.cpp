// SPDX-License-Identifier: GPL-3.0-or-later
#include "legend.h"

#include "diagram/diagramview.h"
#include "trace/generatedtrace.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Legend {

void build(Trace &trace)
{
    trace.clear();
    using namespace TcpFlag;
    generated::Builder s(trace);
    const qsizetype listen = s.call(Side::Server, QStringLiteral("listen"), {{QStringLiteral("fd"), 3}});
    s.ret(Side::Server, listen, 0);
    s.state(Side::Server, TcpState::Listen, true);
    const qsizetype connect = s.call(Side::Client, QStringLiteral("connect"),
                                     {{QStringLiteral("fd"), 3},
                                      {QStringLiteral("addr"), QStringLiteral("10.0.0.2")},
                                      {QStringLiteral("port"), generated::kServerPort}});
    const qsizetype syn = s.send(Side::Client, Syn, 1000, 0);
    s.state(Side::Client, TcpState::SynSent);
    s.deliver(syn);
    const qsizetype synAck = s.send(Side::Server, Syn | Ack, 5000, 1001);
    s.deliver(synAck);
    s.ret(Side::Client, connect, 0);
    s.state(Side::Client, TcpState::Established);
    const qsizetype ack = s.send(Side::Client, Ack, 1001, 5001);
    s.deliver(ack);
    s.state(Side::Server, TcpState::Established);
    const qsizetype data = s.send(Side::Client, Psh | Ack, 1001, 5001, 5);
    s.deliver(data);
    s.drop(s.send(Side::Server, Ack, 5001, 1006));
    const qsizetype read = s.call(Side::Server, QStringLiteral("read"), {{QStringLiteral("fd"), 4}});
    s.send(Side::Client, Fin | Ack, 1006, 5001);
    s.state(Side::Client, TcpState::FinWait1);
    s.timer(Side::Client, TimerKind::Retransmit, 200);
    s.deliver(s.send(Side::Server, Rst | Ack, 5001, 1006));
    s.ret(Side::Server, read, 5, 0, QStringLiteral("hello"));
}

QString explanation()
{
    return QCoreApplication::translate(
        "Legend",
        "<li><b>Boxes</b> on a program's line: a socket call, from when it is made to when it returns; a "
        "<b>dashed</b> box is still blocked; a failed call's errno is red and marked <b>✗</b>.</li>"
        "<li><b>Bold words</b> on a TCP line: the kernel's state of the socket, read from the kernel.</li>"
        "<li>An <b>arrow</b> is a segment, from when its kernel sent it to when it arrived; the label names it "
        "as the textbook does (SYN J, ACK K+1). Colour and head tell the kind:</li>"
        "<li>&nbsp;&nbsp;a <b>filled head</b>: SYN or data; a <b>double head</b>: FIN; an <b>open head</b>: a "
        "pure ACK; <b>dash-dot</b> ending at a <b>bar</b>: RST.</li>"
        "<li>&nbsp;&nbsp;<b>✕</b>: dropped on the wire; a <b>dashed</b> arrow ending in <b>○</b>: still held on "
        "the wire (not delivered yet).</li>"
        "<li>A <b>thin bar</b> beside a TCP line: a kernel timer running (retransmission, TIME_WAIT, …), with "
        "the time it had left.</li>");
}

} // namespace Legend

LegendDialog::LegendDialog(QWidget *parent)
    : QDialog(parent)
    , m_trace(std::make_unique<Trace>())
{
    setWindowTitle(tr("How to Read the Diagram"));
    Legend::build(*m_trace);
    auto *view = new DiagramView(this);
    view->setTrace(m_trace.get());
    view->setLiveClock(false);
    view->setMinimumSize(640, 420);
    // And where the diagram is worked on by hand, what guided mode adds to the window.
    const QString guided = QCoreApplication::translate(
        "Legend",
        "<li>Working by hand, Lab → <b>Guided…</b> (Ctrl+G) picks a goal: an <b>orange frame</b> marks the "
        "button that makes its next step, and the checklist beside the diagram says what the kernel will do.</li>");
    auto *text = new QLabel(QStringLiteral("<ul>%1%2</ul>").arg(Legend::explanation(), guided), this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setMinimumWidth(320);
    auto *row = new QHBoxLayout;
    row->addWidget(view, 3);
    row->addWidget(text, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(buttons);
    resize(1100, 560);
}

LegendDialog::~LegendDialog() = default;
