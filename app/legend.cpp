// SPDX-License-Identifier: GPL-3.0-or-later
#include "legend.h"

#include "diagram/diagramview.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace {
constexpr quint16 kClientPort = 40000;
constexpr quint16 kServerPort = 9877;

class Story {
public:
    explicit Story(Trace &trace)
        : m_trace(trace)
    {
    }
    qint64 tick() { return m_t += 1'000'000; }
    qsizetype call(Side side, const QString &fn, QJsonObject args)
    {
        CallRecord r;
        r.fn = fn;
        r.args = std::move(args);
        return m_trace.appendCall(tick(), side, EventKind::Call, r);
    }
    void ret(Side side, qsizetype callEvent, qint64 result, const QString &detail = {})
    {
        CallRecord r = m_trace.callRecord(m_trace.at(callEvent));
        r.args = {};
        r.hasResult = true;
        r.result = result;
        r.detail = detail;
        r.callEvent = callEvent;
        m_trace.appendCall(tick(), side, EventKind::Return, r);
    }
    qsizetype send(Side side, quint8 flags, quint32 seq, quint32 ack, quint32 length = 0)
    {
        Event e;
        e.tNs = tick();
        e.kind = EventKind::Send;
        e.side = side;
        e.flags = flags;
        e.window = 64240;
        e.localPort = side == Side::Client ? kClientPort : kServerPort;
        e.remotePort = side == Side::Client ? kServerPort : kClientPort;
        e.seq = seq;
        e.ack = ack;
        e.length = length;
        return m_trace.appendRaw(e);
    }
    void wire(EventKind kind, qsizetype send) { m_trace.appendWireAction(tick(), kind, send); }
    void state(Side side, TcpState state, bool listening = false)
    {
        const quint16 local = side == Side::Client ? kClientPort : kServerPort;
        const quint16 remote = listening ? 0 : side == Side::Client ? kServerPort : kClientPort;
        m_trace.appendState(tick(), side, local, remote, state);
    }

private:
    Trace &m_trace;
    qint64 m_t = 0;
};
}

namespace Legend {

void build(Trace &trace)
{
    trace.clear();
    TraceInfo info;
    info.source = QStringLiteral("generated");
    info.clientAddress = QStringLiteral("10.0.0.1");
    info.serverAddress = QStringLiteral("10.0.0.2");
    trace.setInfo(info);
    using namespace TcpFlag;
    Story s(trace);
    const qsizetype listen = s.call(Side::Server, QStringLiteral("listen"), { { QStringLiteral("fd"), 3 } });
    s.ret(Side::Server, listen, 0);
    s.state(Side::Server, TcpState::Listen, true);
    const qsizetype connect = s.call(Side::Client, QStringLiteral("connect"),
        { { QStringLiteral("fd"), 3 }, { QStringLiteral("addr"), QStringLiteral("10.0.0.2") },
            { QStringLiteral("port"), kServerPort } });
    const qsizetype syn = s.send(Side::Client, Syn, 1000, 0);
    s.state(Side::Client, TcpState::SynSent);
    s.wire(EventKind::Deliver, syn);
    const qsizetype synAck = s.send(Side::Server, Syn | Ack, 5000, 1001);
    s.wire(EventKind::Deliver, synAck);
    s.ret(Side::Client, connect, 0);
    s.state(Side::Client, TcpState::Established);
    const qsizetype ack = s.send(Side::Client, Ack, 1001, 5001);
    s.wire(EventKind::Deliver, ack);
    s.state(Side::Server, TcpState::Established);
    const qsizetype data = s.send(Side::Client, Psh | Ack, 1001, 5001, 5);
    s.wire(EventKind::Deliver, data);
    const qsizetype lost = s.send(Side::Server, Ack, 5001, 1006);
    s.wire(EventKind::Drop, lost);
    const qsizetype read = s.call(Side::Server, QStringLiteral("read"), { { QStringLiteral("fd"), 4 } });
    s.send(Side::Client, Fin | Ack, 1006, 5001);
    s.state(Side::Client, TcpState::FinWait1);
    trace.appendTimer(s.tick(), Side::Client, kClientPort, kServerPort, TimerKind::Retransmit, 200, 0);
    const qsizetype rst = s.send(Side::Server, Rst | Ack, 5001, 1006);
    s.wire(EventKind::Deliver, rst);
    s.ret(Side::Server, read, 5, QStringLiteral("hello"));
}

QString explanation()
{
    return QCoreApplication::translate("Legend",
        "<li><b>Boxes</b> on a program's line: a socket call, from when it is made to when it returns; a "
        "<b>dashed</b> box is still blocked.</li>"
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

}

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
    auto *text = new QLabel(QStringLiteral("<ul>%1</ul>").arg(Legend::explanation()), this);
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
