// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspanel.h"

#include "lab/errnoname.h"
#include "trace/eventtext.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QHostAddress>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace {
QString hex(quint32 v, int digits) { return QStringLiteral("0x%1").arg(v, digits, 16, QLatin1Char('0')); }
QString ipv4(quint32 address) { return QHostAddress(address).toString(); }
QString milliseconds(qint64 ns) { return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3); }

// The copy whose delivery came first (the one that got through), -1 if none was delivered.
qsizetype firstDeliveryOf(const Trace &trace, const std::vector<DiagramLayout::Copy> &copies)
{
    qsizetype first = -1;
    for (const DiagramLayout::Copy &c : copies) {
        if (c.fate >= 0 && trace.at(c.fate).kind == EventKind::Deliver && (first < 0 || c.fate < first))
            first = c.fate;
    }
    return first;
}

// Until a copy gets through the kernel may send another, and a held copy's fate is still open.
bool mayChange(const Trace &trace, const std::vector<DiagramLayout::Copy> &copies)
{
    const bool held
        = std::any_of(copies.begin(), copies.end(), [](const DiagramLayout::Copy &c) { return c.fate < 0; });
    return held || firstDeliveryOf(trace, copies) < 0;
}
}

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_tree = new QTreeWidget(splitter);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Field"), tr("Value") });
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setToolTip(tr("Every field of the selected segment or call"));
    m_hex = new QPlainTextEdit(splitter);
    m_hex->setReadOnly(true);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hex->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hex->setToolTip(tr("The segment's bytes as the kernel sent them (IPv4 header first)"));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);
    setEventIndex(-1);
}

void DetailsPanel::setTrace(const Trace *trace)
{
    disconnect(m_appended);
    disconnect(m_cleared);
    m_trace = trace;
    if (m_trace) {
        m_appended = connect(m_trace, &Trace::eventsAppended, this, &DetailsPanel::traceGrew);
        // Indexes of a cleared trace mean other events once it grows again: stop watching.
        m_cleared = connect(m_trace, &Trace::cleared, this, [this] { m_watchCopies = false; });
    }
    setEventIndex(-1);
}

void DetailsPanel::traceGrew()
{
    // A copy still held may have been delivered or dropped, or the kernel sent another one.
    if (!m_watchCopies || m_index < 0 || m_index >= m_trace->size())
        return;
    const std::vector<DiagramLayout::Copy> copies = DiagramLayout::copiesOf(*m_trace, m_index);
    if (copies == m_copies)
        return;
    if (copies.size() < 2 && m_copies.size() < 2) {
        // Still sent once (its fate known now, or not): no list to change, nothing to redraw.
        m_copies = copies;
        m_watchCopies = mayChange(*m_trace, m_copies);
        return;
    }
    const int scroll = m_tree->verticalScrollBar()->value();
    setEventIndex(m_index);
    m_tree->verticalScrollBar()->setValue(scroll);
}

QString DetailsPanel::hexText() const { return m_hex->toPlainText(); }

QString DetailsPanel::hexDump(QByteArrayView bytes)
{
    QString out;
    for (qsizetype line = 0; line < bytes.size(); line += 16) {
        QString hexPart;
        QString ascii;
        for (qsizetype i = line; i < line + 16; ++i) {
            if (i < bytes.size()) {
                const auto b = uchar(bytes[i]);
                hexPart += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7f) ? QChar(char16_t(b)) : QChar(u'.');
            } else {
                hexPart += QStringLiteral("   ");
            }
            if (i == line + 7)
                hexPart += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  ").arg(line, 4, 16, QLatin1Char('0')) + hexPart + u' ' + ascii + u'\n';
    }
    return out;
}

QTreeWidgetItem *DetailsPanel::section(const QString &title)
{
    auto *item = new QTreeWidgetItem(m_tree, { title });
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setExpanded(true);
    return item;
}

void DetailsPanel::field(QTreeWidgetItem *parent, const QString &name, const QString &value)
{
    new QTreeWidgetItem(parent, { name, value });
}

void DetailsPanel::setEventIndex(qsizetype index)
{
    m_tree->clear();
    m_hex->clear();
    m_copies.clear();
    m_watchCopies = false;
    m_index = (m_trace && index >= 0 && index < m_trace->size()) ? index : -1;
    if (m_index < 0) {
        m_hex->setPlaceholderText(tr("Select a segment or a call in the diagram to see its details."));
        return;
    }
    const Event &e = m_trace->at(m_index);
    if (e.isSegment())
        showSegment(m_index);
    else if (e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal)
        showCall(m_index);
    else
        showState(m_index);
    m_tree->expandAll();
}

void DetailsPanel::showSegment(qsizetype index)
{
    const Event &e = m_trace->at(index);
    const qsizetype sendIndex = m_trace->sendIndexOf(index);
    const Event &send = m_trace->at(sendIndex);
    QTreeWidgetItem *frame = section(tr("Event %1").arg(index));
    field(frame, tr("What"), eventKindName(e.kind));
    field(frame, tr("Time"), milliseconds(e.tNs));
    field(frame, tr("Sent by"), sideName(send.side));
    if (sendIndex != index) {
        field(frame, tr("Sent at"), milliseconds(send.tNs));
        field(frame, tr("Time on the wire"), milliseconds(e.tNs - send.tNs));
    }
    QStringList marks;
    if ((e.marks | send.marks) & EventMark::Retransmission)
        marks << tr("retransmission: its sender already sent this sequence range");
    if (e.marks & EventMark::Reordered)
        marks << tr("delivered ahead of an older segment still in flight");
    if (e.marks & EventMark::Copy)
        marks << tr("a copy the wire made");
    if (!marks.isEmpty())
        field(frame, tr("Notes"), marks.join(QStringLiteral("; ")));
    showCopies(index);

    const QByteArrayView bytes = m_trace->packet(e);
    m_hex->setPlainText(hexDump(bytes));
    TcpSegment s;
    const ParseStatus status = parseIpv4Tcp(reinterpret_cast<const uchar *>(bytes.data()), bytes.size(), s);
    if (status != ParseStatus::Ok) {
        field(frame, tr("Bytes"),
            tr("%1 bytes, not parsed: %2").arg(bytes.size()).arg(QString::fromLatin1(parseStatusText(status))));
        return;
    }
    const auto *d = reinterpret_cast<const uchar *>(bytes.data());
    QTreeWidgetItem *ip = section(tr("Internet Protocol version 4, %1 → %2").arg(ipv4(s.srcAddr), ipv4(s.dstAddr)));
    field(ip, tr("Header length"), tr("%1 bytes").arg(s.ipHeaderLength));
    field(ip, tr("Type of service"), hex(d[1], 2));
    field(ip, tr("Total length"), QString::number((d[2] << 8) | d[3]));
    field(ip, tr("Identification"), hex(s.ipId, 4));
    field(ip, tr("Flags"), ((d[6] & 0x40) ? tr("Don't fragment") : tr("none")));
    field(ip, tr("Time to live"), QString::number(s.ttl));
    field(ip, tr("Protocol"), tr("TCP (%1)").arg(d[9]));
    field(ip, tr("Header checksum"), hex((d[10] << 8) | d[11], 4));
    field(ip, tr("Source"), ipv4(s.srcAddr));
    field(ip, tr("Destination"), ipv4(s.dstAddr));

    QTreeWidgetItem *tcp = section(tr("Transmission Control Protocol, port %1 → %2, seq %3, ack %4, len %5")
                                       .arg(s.srcPort)
                                       .arg(s.dstPort)
                                       .arg(s.seq)
                                       .arg(s.ack)
                                       .arg(s.payloadLength));
    field(tcp, tr("Source port"), QString::number(s.srcPort));
    field(tcp, tr("Destination port"), QString::number(s.dstPort));
    field(tcp, tr("Sequence number"), QString::number(s.seq));
    field(tcp, tr("Acknowledgment number"),
        (s.flags & TcpFlag::Ack) ? QString::number(s.ack) : tr("%1 (ACK not set)").arg(s.ack));
    field(tcp, tr("Header length"), tr("%1 bytes").arg(s.tcpHeaderLength));
    field(tcp, tr("Flags"), QStringLiteral("%1 (%2)").arg(hex(s.flags, 2), tcpFlagsText(s.flags)));
    field(tcp, tr("Window"), QString::number(s.window));
    field(tcp, tr("Checksum"), hex(s.checksum, 4));
    field(tcp, tr("Urgent pointer"), QString::number(s.urgentPointer));
    field(tcp, tr("Payload length"), tr("%1 bytes").arg(s.payloadLength));
    field(tcp, tr("Sequence space used"), QString::number(s.sequenceLength()));

    const TcpOptions &o = s.options;
    if (s.tcpHeaderLength > 20) {
        QTreeWidgetItem *options = section(tr("TCP options (%1 bytes)").arg(s.tcpHeaderLength - 20));
        if (o.mss >= 0)
            field(options, tr("Maximum segment size"), tr("%1 bytes").arg(o.mss));
        if (o.sackPermitted)
            field(options, tr("SACK permitted"), tr("yes"));
        if (o.hasTimestamps) {
            field(options, tr("Timestamp value"), QString::number(o.tsVal));
            field(options, tr("Timestamp echo reply"), QString::number(o.tsEcr));
        }
        if (o.windowScale >= 0)
            field(options, tr("Window scale"),
                tr("%1 (multiply by %2)").arg(o.windowScale).arg(1 << std::min(o.windowScale, 14)));
        for (int i = 0; i < o.sackBlockCount; ++i)
            field(options, tr("SACK block %1").arg(i + 1),
                QStringLiteral("%1–%2").arg(o.sackBlocks[size_t(i)].first).arg(o.sackBlocks[size_t(i)].second));
    }
    if (s.payloadLength > 0) {
        QTreeWidgetItem *payload = section(tr("Data (%1 bytes)").arg(s.payloadLength));
        const qsizetype start = s.ipHeaderLength + s.tcpHeaderLength;
        const QByteArrayView data = bytes.sliced(start, std::min<qsizetype>(bytes.size() - start, 64));
        QString preview;
        for (char c : data)
            preview += (uchar(c) >= 0x20 && uchar(c) < 0x7f) ? QChar(char16_t(uchar(c))) : QChar(u'\u00b7');
        field(payload, tr("Start"), preview);
    }
}

void DetailsPanel::showCopies(qsizetype index)
{
    // The same segment sent again while no copy got through: the diagram draws the run as one
    // arrow (unless every retransmission is shown), so here is where each copy is told apart.
    m_copies = DiagramLayout::copiesOf(*m_trace, index);
    const qsizetype selected = m_trace->sendIndexOf(index);
    m_watchCopies = mayChange(*m_trace, m_copies);
    if (m_copies.size() < 2)
        return;
    const qsizetype firstDelivery = firstDeliveryOf(*m_trace, m_copies); // the others arrive as duplicates
    QTreeWidgetItem *list = section(tr("Sent %n times", nullptr, int(m_copies.size())));
    for (size_t k = 0; k < m_copies.size(); ++k) {
        const DiagramLayout::Copy &c = m_copies[k];
        const QString name = c.send == selected ? tr("Copy %1 (this one)").arg(k + 1) : tr("Copy %1").arg(k + 1);
        const QString sent = k == 0 ? tr("sent at %1").arg(milliseconds(m_trace->at(c.send).tNs))
                                    : tr("sent at %1, retransmission").arg(milliseconds(m_trace->at(c.send).tNs));
        QString fate;
        if (c.fate < 0) {
            fate = tr("still held on the wire");
        } else if (m_trace->at(c.fate).kind == EventKind::Drop) {
            fate = tr("dropped at %1").arg(milliseconds(m_trace->at(c.fate).tNs));
        } else {
            fate = (c.fate == firstDelivery ? tr("delivered at %1, the first to get through")
                                            : tr("delivered at %1, a duplicate for the receiver"))
                       .arg(milliseconds(m_trace->at(c.fate).tNs));
        }
        field(list, name, sent + QStringLiteral("; ") + fate);
    }
}

void DetailsPanel::showCall(qsizetype index)
{
    const Event &e = m_trace->at(index);
    const CallRecord &r = m_trace->callRecord(e);
    // A call and its return are one story: show both whichever was selected.
    qsizetype callIndex = index;
    qsizetype returnIndex = -1;
    if (e.kind == EventKind::Return) {
        callIndex = r.callEvent;
        returnIndex = index;
    } else if (e.kind == EventKind::Call) {
        for (qsizetype i = index + 1; i < m_trace->size(); ++i) {
            const Event &x = m_trace->at(i);
            if (x.kind == EventKind::Return && x.side == e.side && m_trace->callRecord(x).callEvent == index) {
                returnIndex = i;
                break;
            }
        }
    }
    if (e.kind == EventKind::Signal && EventText::isQtOwnCall(r)) {
        // The accept() QTcpServer makes by itself: not a call of the program, yet a real one.
        QTreeWidgetItem *own
            = section(tr("%1() made by %2 itself (%3)").arg(r.fn, r.args.value(u"by").toString(), sideName(e.side)));
        field(own, tr("Time"), milliseconds(e.tNs));
        field(own, tr("Returned"), tr("descriptor %1").arg(r.result));
        if (!r.detail.isEmpty())
            field(own, tr("Peer"), r.detail);
        return;
    }
    if (e.kind == EventKind::Signal) {
        QTreeWidgetItem *signal = section(tr("Qt signal %1 (%2)").arg(r.fn, sideName(e.side)));
        field(signal, tr("Time"), milliseconds(e.tNs));
        const QString inside = EventText::emittedInside(*m_trace, r);
        if (!inside.isEmpty())
            field(signal, tr("Emitted inside"), inside);
        for (auto it = r.args.begin(); it != r.args.end(); ++it)
            field(signal, it.key(), it.value().toVariant().toString());
        if (!r.detail.isEmpty())
            field(signal, tr("Detail"), r.detail);
        return;
    }
    const bool haveCall = callIndex >= 0 && callIndex < m_trace->size();
    const CallRecord &call = haveCall ? m_trace->callRecord(m_trace->at(callIndex)) : r;
    QTreeWidgetItem *head = section(tr("%1 on the %2").arg(EventText::callSignature(call), sideName(e.side)));
    if (haveCall)
        field(head, tr("Called at"), milliseconds(m_trace->at(callIndex).tNs));
    QTreeWidgetItem *args = section(tr("Arguments"));
    for (auto it = call.args.begin(); it != call.args.end(); ++it)
        field(args, it.key(), it.value().toVariant().toString());
    QTreeWidgetItem *result = section(tr("Result"));
    if (returnIndex < 0) {
        field(result, tr("Returned"), tr("not yet: the call is blocked"));
        return;
    }
    const CallRecord &ret = m_trace->callRecord(m_trace->at(returnIndex));
    field(result, tr("Returned at"), milliseconds(m_trace->at(returnIndex).tNs));
    if (ret.hasResult)
        field(result, tr("Value"), QString::number(ret.result));
    field(result, tr("errno"), ret.err ? errnoText(ret.err) : tr("none"));
    if (haveCall)
        field(result, tr("Blocked for"), milliseconds(m_trace->at(returnIndex).tNs - m_trace->at(callIndex).tNs));
    if (!ret.detail.isEmpty())
        field(result, tr("Detail"), ret.detail);
}

void DetailsPanel::showState(qsizetype index)
{
    const Event &e = m_trace->at(index);
    if (e.kind == EventKind::State) {
        QTreeWidgetItem *s = section(tr("%1's kernel: %2").arg(sideName(e.side), tcpStateName(e.state())));
        field(s, tr("Time"), milliseconds(e.tNs));
        field(s, tr("Local port"), QString::number(e.localPort));
        field(s, tr("Remote port"), QString::number(e.remotePort));
        if (e.marks & EventMark::Inferred)
            field(s, tr("Source"), tr("deduced from the segments, not read from the kernel"));
        return;
    }
    QTreeWidgetItem *t = section(tr("%1's kernel: timer %2").arg(sideName(e.side), timerKindName(e.timer())));
    field(t, tr("Time"), milliseconds(e.tNs));
    field(t, tr("Expires in"), tr("%1 ms").arg(e.seq));
    field(t, tr("Retransmissions so far"), QString::number(e.ack));
    field(t, tr("Ports"), QStringLiteral("%1 ↔ %2").arg(e.localPort).arg(e.remotePort));
}
