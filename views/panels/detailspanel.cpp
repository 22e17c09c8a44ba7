// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspanel.h"

#include "trace/analysistext.h"
#include "trace/errnoname.h"
#include "trace/eventtext.h"
#include "trace/segmentlabels.h"
#include "trace/stepcaption.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"
#include "wrappingtreewidget.h"

#include <QFontDatabase>
#include <QHostAddress>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

namespace {
QString hex(quint32 v, int digits)
{
    return QStringLiteral("0x%1").arg(v, digits, 16, QLatin1Char('0'));
}
QString ipv4(quint32 address)
{
    return QHostAddress(address).toString();
}
QString ipv6(const std::array<quint8, 16> &address)
{
    return QHostAddress(address.data()).toString();
}
QString milliseconds(qint64 ns)
{
    return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3);
}

// The copy whose delivery came first (the one that got through), -1 if none was delivered.
qsizetype firstDeliveryOf(const Trace &trace, const std::vector<DiagramLayout::Copy> &copies)
{
    qsizetype first = -1;
    for (const DiagramLayout::Copy &c : copies) {
        if (c.fate >= 0 && trace.at(c.fate).kind == EventKind::Deliver && (first < 0 || c.fate < first)) first = c.fate;
    }
    return first;
}

// Bytes as a C string literal writes them, which is how the program passed them to write():
// "hello\n"; at most `max` bytes, then "…" if there were more (`total`: what the segment carried).
QString quotedBytes(QByteArrayView data, qsizetype total, qsizetype max)
{
    QString out = QStringLiteral("\"");
    for (const char ch : data.first(std::min(data.size(), max))) {
        const auto b = uchar(ch);
        switch (b) {
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '"':
        case '\\':
            out += u'\\' + QChar(char16_t(b));
            break;
        default:
            if (b < 0x20 || b >= 0x7f)
                out += QStringLiteral("\\x%1").arg(b, 2, 16, QLatin1Char('0'));
            else
                out += QChar(char16_t(b));
        }
    }
    out += u'"';
    if (total > std::min(data.size(), max)) out += QStringLiteral("…");
    return out;
}

// Until a copy gets through the kernel may send another, and a held copy's fate is still open.
bool mayChange(const Trace &trace, const std::vector<DiagramLayout::Copy> &copies)
{
    const bool held =
        std::any_of(copies.begin(), copies.end(), [](const DiagramLayout::Copy &c) { return c.fate < 0; });
    return held || firstDeliveryOf(trace, copies) < 0;
}
} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // Above the tree, so it stays in view while the fields scroll.
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setContentsMargins(4, 2, 4, 2);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_summary->setToolTip(tr("The selected event in one line: its label in the diagram, then its numbers"));
    m_summary->hide();
    layout->addWidget(m_summary);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_tree = new WrappingTreeWidget(splitter);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->setToolTip(tr("Every field of the selected segment or call"));
    m_hex = new QPlainTextEdit(splitter);
    m_hex->setReadOnly(true);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hex->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hex->setToolTip(tr("The segment's bytes as the kernel sent them (IP header first)"));
    m_hex->viewport()->installEventFilter(this);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    setEventIndex(-1);
}

DetailsPanel::~DetailsPanel() = default;

QTreeWidget *DetailsPanel::tree() const
{
    return m_tree;
}

void DetailsPanel::setTrace(const Trace *trace)
{
    disconnect(m_appended);
    disconnect(m_cleared);
    m_trace = trace;
    m_labels.reset();
    if (m_trace) {
        m_labels = std::make_unique<SegmentLabeler>(*m_trace);
        m_appended = connect(m_trace, &Trace::eventsAppended, this, &DetailsPanel::traceGrew);
        // Indexes of a cleared trace mean other events once it grows again: stop watching.
        m_cleared = connect(m_trace, &Trace::cleared, this, [this] {
            m_watchCopies = false;
            m_labels->reset();
        });
    }
    setEventIndex(-1);
}

void DetailsPanel::traceGrew()
{
    // A copy still held may have been delivered or dropped, or the kernel sent another one.
    if (!m_watchCopies || m_index < 0 || m_index >= m_trace->size()) return;
    const std::vector<DiagramLayout::Copy> copies = DiagramLayout::copiesOf(*m_trace, m_index);
    if (copies == m_copies) return;
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

QString DetailsPanel::hexText() const
{
    return m_hex->toPlainText();
}

QString DetailsPanel::summaryText() const
{
    return m_summary->isHidden() ? QString() : m_summary->text();
}

QString DetailsPanel::explanationText() const
{
    return m_explanation;
}

QString DetailsPanel::hexDump(QByteArrayView bytes, int bytesPerLine)
{
    QString out;
    for (qsizetype line = 0; line < bytes.size(); line += bytesPerLine) {
        QString hexPart;
        QString ascii;
        for (qsizetype i = line; i < line + bytesPerLine; ++i) {
            if (i < bytes.size()) {
                const auto b = uchar(bytes[i]);
                hexPart += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7f) ? QChar(char16_t(b)) : QChar(u'.');
            } else {
                hexPart += QStringLiteral("   ");
            }
            if (i == line + 7 && bytesPerLine > 8) hexPart += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  ").arg(line, 4, 16, QLatin1Char('0')) + hexPart + u' ' + ascii + u'\n';
    }
    return out;
}

int DetailsPanel::hexBytesPerLine() const
{
    // Sixteen bytes a line are some 600 pixels of a fixed font; a dock at its default width shows
    // eight a line rather than hide the ASCII column past a scroll bar.
    const QFontMetrics metrics(m_hex->font());
    const int room = m_hex->viewport()->width() - 2 * int(m_hex->document()->documentMargin());
    return metrics.horizontalAdvance(hexDump(QByteArrayView("0123456789abcdef", 16)).trimmed()) <= room ? 16 : 8;
}

void DetailsPanel::showHex()
{
    const QByteArrayView bytes =
        m_index >= 0 && m_trace->at(m_index).isSegment() ? m_trace->packet(m_trace->at(m_index)) : QByteArrayView();
    m_hex->setPlainText(hexDump(bytes, m_hexPerLine));
    // A call or a segment without bytes has nothing to dump: the fields get the room.
    m_hex->setVisible(m_index < 0 || !bytes.isEmpty());
}

bool DetailsPanel::eventFilter(QObject *watched, QEvent *event)
{
    // The dump's width changes with the dock's and with its scroll bar: lay its lines out again.
    // (A panel never shown gets no resize: it keeps sixteen.)
    if (watched == m_hex->viewport() && event->type() == QEvent::Resize && hexBytesPerLine() != m_hexPerLine) {
        m_hexPerLine = hexBytesPerLine();
        showHex();
    }
    return QWidget::eventFilter(watched, event);
}

void DetailsPanel::setSummary(const QString &summary, const QString &explanation)
{
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty());
    m_explanation = explanation;
    if (explanation.isEmpty()) return;
    // The first row of the tree rather than a label: a capture's explanation runs to six lines,
    // and in a dock 300 pixels high it must scroll away with the fields, not push them out.
    auto *item = new QTreeWidgetItem({explanation});
    item->setFlags(Qt::ItemIsEnabled);
    item->setToolTip(0, tr("What the event means, as the caption under the diagram says it"));
    m_tree->insertTopLevelItem(0, item);
    item->setFirstColumnSpanned(true);
}

QString DetailsPanel::named(qsizetype index, Side space, quint32 value) const
{
    if (m_labels->hasLetter(index, space, value)) {
        // Wrapped in a narrow column, the line breaks before "=", never between it and the letter.
        return tr("%1 = %2")
            .arg(value)
            .arg(m_labels->numberText(index, space, value, NumberStyle::Symbolic))
            .replace(QStringLiteral("= "), QStringLiteral("=\u00a0"));
    }
    const QString relative = m_labels->numberText(index, space, value, NumberStyle::Relative);
    return relative.isEmpty() ? QString::number(value) : tr("%1 (relative %2)").arg(value).arg(relative);
}

QTreeWidgetItem *DetailsPanel::section(const QString &title)
{
    auto *item = new QTreeWidgetItem(m_tree, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setExpanded(true);
    // A section's title is no field name: it takes the whole row, and wraps there.
    item->setFirstColumnSpanned(true);
    return item;
}

void DetailsPanel::field(QTreeWidgetItem *parent, const QString &name, const QString &value)
{
    new QTreeWidgetItem(parent, {name, value});
}

void DetailsPanel::setEventIndex(qsizetype index)
{
    m_tree->clear();
    m_copies.clear();
    m_watchCopies = false;
    m_index = (m_trace && index >= 0 && index < m_trace->size()) ? index : -1;
    showHex();
    if (m_index < 0) {
        setSummary({}, {});
        m_hex->setPlaceholderText(tr("Select a segment or a call in the diagram to see its details."));
        return;
    }
    m_labels->update();
    const Event &e = m_trace->at(m_index);
    QString summary;
    if (e.isSegment())
        summary = showSegment(m_index);
    else if (e.kind == EventKind::Call || e.kind == EventKind::Return || e.kind == EventKind::Signal)
        summary = showCall(m_index);
    else
        summary = showState(m_index);
    // The panel names numbers by their letters whatever style the diagram writes them in: the
    // real number is beside each letter here, so the letters are what it adds.
    setSummary(summary, StepCaption::describe(*m_trace, *m_labels, m_index, NumberStyle::Symbolic));
    m_tree->expandAll();
    m_tree->refit();
}

QString DetailsPanel::showSegment(qsizetype index)
{
    const Event &e = m_trace->at(index);
    const qsizetype sendIndex = m_trace->sendIndexOf(index);
    const Event &send = m_trace->at(sendIndex);
    const Side sender = send.side;
    const Side receiver = otherSide(sender);
    const QByteArrayView bytes = m_trace->packet(e);
    TcpSegment s;
    // A capture's snap length may have cut the payload; the headers are what this panel reads.
    const ParseStatus status = bytes.isEmpty()
        ? ParseStatus::Truncated
        : parseIpTcp(reinterpret_cast<const uchar *>(bytes.data()), bytes.size(), s, Completeness::HeadersOnly);
    const bool parsed = status == ParseStatus::Ok;
    if (!parsed) {
        // The event holds what the diagram needs (a generated trace keeps no bytes): show that.
        s.srcPort = send.localPort;
        s.dstPort = send.remotePort;
        s.seq = send.seq;
        s.ack = send.ack;
        s.flags = send.flags;
        s.window = send.window;
        s.payloadLength = send.length;
    }
    const qsizetype dataStart = s.ipHeaderLength + s.tcpHeaderLength;
    const QByteArrayView data = parsed && dataStart < bytes.size()
        ? bytes.sliced(dataStart).first(std::min<qsizetype>(bytes.size() - dataStart, s.payloadLength))
        : QByteArrayView();
    // A RST answering a SYN carries sequence number 0, in no sequence space (RFC 9293 §3.10.7.1).
    const bool seqIsNone = (s.flags & TcpFlag::Rst) && s.seq == 0 && (s.flags & TcpFlag::Ack);
    const QString seqText = seqIsNone ? QString::number(s.seq) : named(index, sender, s.seq);
    const QString ackText = named(index, receiver, s.ack);
    const int shift = m_labels->windowShift(index);
    QString windowValue;
    QString windowSummary;
    if (s.flags & TcpFlag::Rst) {
        windowValue = tr("%1 (a RST's window means nothing)").arg(s.window);
    } else if (shift > 0) {
        const quint64 bytesOfWindow = quint64(s.window) << shift;
        windowValue = tr("%1 ×%2 = %3 bytes").arg(s.window).arg(1 << shift).arg(bytesOfWindow);
        windowSummary = tr("window %1 ×%2 = %3").arg(s.window).arg(1 << shift).arg(bytesOfWindow);
    } else if (shift == 0) {
        windowValue = (s.flags & TcpFlag::Syn) ? tr("%1 bytes (a SYN's window is never scaled)").arg(s.window)
                                               : tr("%1 bytes").arg(s.window);
        windowSummary = tr("window %1").arg(s.window);
    } else {
        windowValue = tr("%1 (scale unknown: the connection's SYNs were not seen)").arg(s.window);
        windowSummary = tr("window %1, scale unknown").arg(s.window);
    }

    // The summary: the label the diagram draws, then what its numbers are.
    QString label = m_labels->label(index, NumberStyle::Symbolic);
    if (label.isEmpty()) label = tcpFlagsText(s.flags);
    // A number and its letter are read together: the summary breaks its lines between facts, not
    // inside "seq 3967990326 = J+1" or "window 63 ×1024 = 64512".
    const auto together = [](QString fact) { return fact.replace(u' ', QChar::Nbsp); };
    QStringList facts;
    facts << together(tr("seq %1").arg(seqText));
    if (s.flags & TcpFlag::Ack) facts << together(tr("ack %1").arg(ackText));
    if (s.payloadLength == 0)
        facts << tr("no data");
    else if (!data.isEmpty())
        facts << tr("data %1").arg(quotedBytes(data, s.payloadLength, 24));
    else if (s.payloadLength == 1)
        facts << tr("1 byte of data");
    else
        facts << tr("%1 bytes of data").arg(s.payloadLength);
    if (!(s.flags & TcpFlag::Rst)) // a RST's window means nothing
        facts << together(windowSummary);
    const QString summary = tr("%1 — %2").arg(label, facts.join(QStringLiteral(", ")));

    // TCP first: it is what the diagram is about; the IP header comes last.
    QTreeWidgetItem *tcp = section(tr("TCP, port %1 → %2").arg(s.srcPort).arg(s.dstPort));
    field(tcp, tr("Source port"), tr("%1 (%2)").arg(s.srcPort).arg(sideText(sender)));
    field(tcp, tr("Destination port"), tr("%1 (%2)").arg(s.dstPort).arg(sideText(receiver)));
    field(tcp, tr("Sequence number"), seqText);
    field(tcp, tr("Acknowledgment number"), (s.flags & TcpFlag::Ack) ? ackText : tr("%1 (ACK not set)").arg(s.ack));
    if (s.sequenceLength() > 0 && !seqIsNone)
        // What the receiver's ACK of this segment will say: SYN J is acknowledged by ACK J+1.
        field(tcp, tr("Next sequence number"), named(index, sender, s.seq + s.sequenceLength()));
    if (parsed) field(tcp, tr("Header length"), tr("%1 bytes").arg(s.tcpHeaderLength));
    field(tcp, tr("Flags"), QStringLiteral("%1 (%2)").arg(hex(s.flags, 2), tcpFlagsText(s.flags)));
    field(tcp, tr("Window"), windowValue);
    if (parsed) {
        field(tcp, tr("Checksum"), hex(s.checksum, 4));
        field(tcp, tr("Urgent pointer"), QString::number(s.urgentPointer));
    }
    field(tcp, tr("Payload length"), tr("%1 bytes").arg(s.payloadLength));
    field(tcp, tr("Sequence space used"), QString::number(s.sequenceLength()));

    const TcpOptions &o = s.options;
    if (parsed && s.tcpHeaderLength > 20) {
        QTreeWidgetItem *options = section(tr("TCP options (%1 bytes)").arg(s.tcpHeaderLength - 20));
        if (o.mss >= 0) field(options, tr("Maximum segment size"), tr("%1 bytes").arg(o.mss));
        if (o.sackPermitted) field(options, tr("SACK permitted"), tr("yes"));
        if (o.hasTimestamps) {
            field(options, tr("Timestamp value"), QString::number(o.tsVal));
            field(options, tr("Timestamp echo reply"), QString::number(o.tsEcr));
        }
        if (o.windowScale >= 0)
            field(options, tr("Window scale"),
                  tr("%1 (multiply by %2)").arg(o.windowScale).arg(1 << std::min(o.windowScale, 14)));
        // SACK blocks name bytes of the receiver's sequence space, as the ACK does.
        for (int i = 0; i < o.sackBlockCount; ++i) {
            const auto &[left, right] = o.sackBlocks[size_t(i)];
            field(options, tr("SACK block %1").arg(i + 1),
                  tr("%1 to %2").arg(named(index, receiver, left), named(index, receiver, right)));
        }
    }
    if (s.payloadLength > 0) {
        QTreeWidgetItem *payload = section(tr("Data (%1 bytes)").arg(s.payloadLength));
        // As the summary writes it: the newline a program wrote is "\n" here, as in its source.
        if (!data.isEmpty()) field(payload, tr("Start"), quotedBytes(data, s.payloadLength, 64));
        if (data.size() < qsizetype(s.payloadLength))
            field(payload, tr("Bytes kept"),
                  parsed ? tr("%1 of %2 (the capture cut the rest)").arg(data.size()).arg(s.payloadLength)
                         : tr("none: the trace keeps no bytes of this segment"));
    }
    showCopies(index);

    QTreeWidgetItem *frame = section(tr("Event %1").arg(index));
    field(frame, tr("What"), eventKindName(e.kind));
    field(frame, tr("Time"), milliseconds(e.tNs));
    field(frame, tr("Sent by"), sideText(sender));
    if (sendIndex != index) {
        field(frame, tr("Sent at"), milliseconds(send.tNs));
        field(frame, tr("Time on the wire"), milliseconds(e.tNs - send.tNs));
    }
    QStringList marks;
    if ((e.marks | send.marks) & EventMark::Retransmission)
        marks << tr("retransmission: its sender already sent this sequence range");
    if (e.marks & EventMark::Reordered) marks << tr("delivered ahead of an older segment still in flight");
    if (e.marks & EventMark::Copy) marks << tr("a copy the wire made");
    if (!marks.isEmpty()) field(frame, tr("Notes"), marks.join(QStringLiteral("; ")));
    if (m_trace->info().fromCapture()) {
        const QStringList analysis = AnalysisText::names(send);
        if (!analysis.isEmpty()) field(frame, tr("Wireshark's analysis"), analysis.join(QStringLiteral(", ")));
    }
    if (!parsed) {
        field(frame, tr("Bytes"),
              bytes.isEmpty()
                  ? tr("none kept")
                  : tr("%1 bytes, not parsed: %2").arg(bytes.size()).arg(QString::fromLatin1(parseStatusText(status))));
        return summary;
    }

    const auto *d = reinterpret_cast<const uchar *>(bytes.data());
    if (s.ipVersion == 6) {
        QTreeWidgetItem *ip = section(tr("IPv6, %1 → %2").arg(ipv6(s.srcAddr6), ipv6(s.dstAddr6)));
        field(ip, tr("Header length"), tr("%1 bytes (with extension headers)").arg(s.ipHeaderLength));
        field(ip, tr("Traffic class"), hex(((d[0] & 0x0f) << 4) | (d[1] >> 4), 2));
        field(ip, tr("Flow label"), hex(((d[1] & 0x0f) << 16) | (d[2] << 8) | d[3], 5));
        field(ip, tr("Payload length"), QString::number((d[4] << 8) | d[5]));
        field(ip, tr("Hop limit"), QString::number(s.ttl));
        field(ip, tr("Source"), ipv6(s.srcAddr6));
        field(ip, tr("Destination"), ipv6(s.dstAddr6));
        return summary;
    }
    QTreeWidgetItem *ip = section(tr("IPv4, %1 → %2").arg(ipv4(s.srcAddr), ipv4(s.dstAddr)));
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
    return summary;
}

void DetailsPanel::showCopies(qsizetype index)
{
    // The same segment sent again while no copy got through: the diagram draws the run as one
    // arrow (unless every retransmission is shown), so here is where each copy is told apart.
    m_copies = DiagramLayout::copiesOf(*m_trace, index);
    const qsizetype selected = m_trace->sendIndexOf(index);
    m_watchCopies = mayChange(*m_trace, m_copies);
    if (m_copies.size() < 2) return;
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

QString DetailsPanel::showCall(qsizetype index)
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
        QTreeWidgetItem *own =
            section(tr("%1() made by %2 itself (%3)").arg(r.fn, r.args.value(u"by").toString(), sideText(e.side)));
        field(own, tr("Time"), milliseconds(e.tNs));
        field(own, tr("Returned"), tr("descriptor %1").arg(r.result));
        if (!r.detail.isEmpty()) field(own, tr("Peer"), r.detail);
        return EventText::signalText(*m_trace, r);
    }
    if (e.kind == EventKind::Signal) {
        QTreeWidgetItem *signal = section((EventText::isUnixSignal(r)        ? tr("Signal %1 (%2)")
                                               : EventText::isHostRestart(r) ? tr("Lab: %1 (%2)")
                                                                             : tr("Qt signal %1 (%2)"))
                                              .arg(r.fn, sideText(e.side)));
        field(signal, tr("Time"), milliseconds(e.tNs));
        const QString inside = EventText::emittedInside(*m_trace, r);
        if (!inside.isEmpty()) field(signal, tr("Emitted inside"), inside);
        for (auto it = r.args.begin(); it != r.args.end(); ++it)
            field(signal, it.key(), it.value().toVariant().toString());
        if (!r.detail.isEmpty()) field(signal, tr("Detail"), r.detail);
        return EventText::signalText(*m_trace, r);
    }
    const bool haveCall = callIndex >= 0 && callIndex < m_trace->size();
    const CallRecord &call = haveCall ? m_trace->callRecord(m_trace->at(callIndex)) : r;
    const QString signature = EventText::shortCall(call);
    QTreeWidgetItem *head = section(tr("%1 on the %2").arg(signature, sideText(e.side)));
    if (haveCall) field(head, tr("Called at"), milliseconds(m_trace->at(callIndex).tNs));
    QTreeWidgetItem *args = section(tr("Arguments"));
    for (const QString &key : EventText::argumentKeys(call)) // in the order of the call's prototype
        field(args, key, call.args.value(key).toVariant().toString());
    QTreeWidgetItem *result = section(tr("Result"));
    if (returnIndex < 0) {
        field(result, tr("Returned"), tr("not yet: the call is blocked"));
        return EventText::callText(call, nullptr);
    }
    const CallRecord &ret = m_trace->callRecord(m_trace->at(returnIndex));
    field(result, tr("Returned at"), milliseconds(m_trace->at(returnIndex).tNs));
    if (ret.hasResult) field(result, tr("Value"), QString::number(ret.result));
    field(result, tr("errno"), ret.err ? errnoText(ret.err) : tr("none"));
    if (haveCall)
        field(result, tr("Blocked for"), milliseconds(m_trace->at(returnIndex).tNs - m_trace->at(callIndex).tNs));
    if (!ret.detail.isEmpty()) field(result, tr("Detail"), ret.detail);

    // As a C programmer writes a result down, in the one text of a call the panels and the diagram
    // use too: "connect(3, 10.0.0.2:9877) = -1 ECONNREFUSED", "read(4, 4096) = 5 "hello"".
    if (haveCall) return EventText::callText(call, &ret, 40);
    // A return without its call (an imported trace's): what it returned.
    return EventText::returnText(ret);
}

QString DetailsPanel::showState(qsizetype index)
{
    const Event &e = m_trace->at(index);
    if (e.kind == EventKind::State) {
        QTreeWidgetItem *s = section(tr("%1's kernel: %2").arg(sideText(e.side), tcpStateName(e.state())));
        field(s, tr("Time"), milliseconds(e.tNs));
        field(s, tr("Local port"), QString::number(e.localPort));
        field(s, tr("Remote port"), QString::number(e.remotePort));
        if (e.marks & EventMark::Inferred)
            field(s, tr("Source"), tr("deduced from the segments, not read from the kernel"));
        return tr("%1's kernel: %2").arg(sideText(e.side), tcpStateName(e.state()));
    }
    QTreeWidgetItem *t = section(tr("%1's kernel: timer %2").arg(sideText(e.side), timerKindName(e.timer())));
    field(t, tr("Time"), milliseconds(e.tNs));
    field(t, tr("Expires in"), tr("%1 ms").arg(e.seq));
    field(t, tr("Retransmissions so far"), QString::number(e.ack));
    field(t, tr("Ports"), QStringLiteral("%1 ↔ %2").arg(e.localPort).arg(e.remotePort));
    const QString name = StepCaption::timerName(*m_trace, index);
    return name.isEmpty() ? tr("%1's kernel: no timer pending").arg(sideText(e.side))
                          : tr("%1's kernel: %2, %3 ms left").arg(sideText(e.side), name).arg(e.seq);
}
