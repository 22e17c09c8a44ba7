// SPDX-License-Identifier: GPL-3.0-or-later
#include "captionfields.h"

#include "trace/segmentlabels.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QCoreApplication>
#include <QRegularExpression>

// Named for lupdate: it takes the translation context of tr() below from it.
namespace CaptionFields {
namespace {

const QRegularExpression &anyBraces()
{
    // Only "{name:argument}" is a field: other braces are text ("SO_LINGER {on, 0 seconds}").
    static const QRegularExpression re(QStringLiteral("\\{[a-z-]+:[a-z-]*\\}"));
    return re;
}

const QRegularExpression &field()
{
    static const QRegularExpression re(
        QStringLiteral("^\\{(win|resend|again|delack|options|addr):(client|server)\\}$"));
    return re;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("CaptionFields", text);
}

QString duration(qint64 ns)
{
    if (ns >= 1'000'000'000) return tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 1);
    return tr("%1 ms").arg(qMax<qint64>(1, (ns + 500'000) / 1'000'000));
}

// The window the first segment `side` sent in [first, end) announced.
QString windowOf(const Trace &trace, const SegmentLabeler &labels, Side side, qsizetype first, qsizetype end)
{
    for (qsizetype i = first; i < end; ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Send && e.side == side) {
            const QString w = labels.windowText(i);
            return w.isEmpty() ? QString() : tr("%1 bytes").arg(w);
        }
    }
    return {};
}

// The options of the first SYN `side` sent in [first, end), as its label's detail writes them.
QString synOptionsOf(const Trace &trace, const SegmentLabeler &labels, Side side, qsizetype first, qsizetype end)
{
    for (qsizetype i = first; i < end; ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Send && e.side == side && (e.flags & TcpFlag::Syn)) {
            const QString o = labels.optionsText(i);
            return o.isEmpty() ? tr("no options") : o;
        }
    }
    return {};
}

// How long after an earlier copy `side` resent a segment in [first, end): the first retransmission
// of the step against the latest earlier copy of the same sequence number and flags — the first
// copy ({resend:…}), or any copy, resent ones too ({again:…}: the timeout the kernel waited this
// time, which doubles with each loss of the same segment).
QString resendAfter(const Trace &trace, Side side, qsizetype first, qsizetype end, bool sinceAnyCopy)
{
    for (qsizetype i = first; i < end; ++i) {
        const Event &r = trace.at(i);
        if (r.kind != EventKind::Send || r.side != side || !(r.marks & EventMark::Retransmission)) continue;
        for (qsizetype j = i - 1; j >= 0; --j) {
            const Event &o = trace.at(j);
            if (o.kind == EventKind::Send && o.side == side && o.seq == r.seq && o.flags == r.flags
                && (sinceAnyCopy || !(o.marks & EventMark::Retransmission)))
                return duration(r.tNs - o.tNs);
        }
    }
    return {};
}

// How long `side` took to acknowledge what arrived in [first, end): from the wire's delivery of the
// other side's latest segment to the first ACK without data that `side` sent after it. A delayed
// ACK's wait: a few milliseconds up to the delayed-ACK timer, set by the kernel from the round trip.
QString ackDelay(const Trace &trace, Side side, qsizetype first, qsizetype end)
{
    constexpr quint8 kMain = TcpFlag::Syn | TcpFlag::Ack | TcpFlag::Fin | TcpFlag::Rst;
    qsizetype delivered = -1;
    for (qsizetype i = first; i < end; ++i) {
        const Event &e = trace.at(i);
        if (e.kind == EventKind::Deliver && e.side != side)
            delivered = i;
        else if (e.kind == EventKind::Send && e.side == side && delivered >= 0 && e.length == 0
                 && (e.flags & kMain) == TcpFlag::Ack)
            return duration(e.tNs - trace.at(delivered).tNs);
    }
    return {};
}

} // namespace
} // namespace CaptionFields

namespace CaptionFields {

QString unknownField(const QString &caption)
{
    for (auto it = anyBraces().globalMatch(caption); it.hasNext();) {
        const QString f = it.next().captured(0);
        if (!field().match(f).hasMatch()) return f;
    }
    return {};
}

bool hasFields(const QString &caption)
{
    return anyBraces().match(caption).hasMatch();
}

bool isFilledFrom(const QString &caption, const QString &filled)
{
    QString pattern;
    qsizetype from = 0;
    for (auto it = anyBraces().globalMatch(caption); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!field().match(m.captured(0)).hasMatch()) continue; // other braces are text
        pattern += QRegularExpression::escape(caption.mid(from, m.capturedStart(0) - from)) + QStringLiteral(".+?");
        from = m.capturedEnd(0);
    }
    pattern += QRegularExpression::escape(caption.mid(from));
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern),
                                QRegularExpression::DotMatchesEverythingOption);
    return re.match(filled).hasMatch();
}

QString fill(const QString &caption, const Trace &trace, const SegmentLabeler &labels, qsizetype first, qsizetype end)
{
    if (!hasFields(caption)) return caption;
    end = std::min(end, trace.size());
    first = std::clamp<qsizetype>(first, 0, end);
    QString out;
    qsizetype from = 0;
    for (auto it = anyBraces().globalMatch(caption); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QRegularExpressionMatch f = field().match(m.captured(0));
        out += caption.mid(from, m.capturedStart(0) - from);
        from = m.capturedEnd(0);
        if (!f.hasMatch()) {
            out += m.captured(0);
            continue;
        }
        const Side side = f.captured(2) == u"client" ? Side::Client : Side::Server;
        const QString name = f.captured(1);
        const QString value = name == u"addr"
            ? (side == Side::Client ? trace.info().clientAddress : trace.info().serverAddress)
            : name == u"win"     ? windowOf(trace, labels, side, first, end)
            : name == u"options" ? synOptionsOf(trace, labels, side, first, end)
            : name == u"delack"  ? ackDelay(trace, side, first, end)
                                 : resendAfter(trace, side, first, end, name == u"again");
        out += value.isEmpty() ? QStringLiteral("…") : value;
    }
    out += caption.mid(from);
    return out;
}

} // namespace CaptionFields
