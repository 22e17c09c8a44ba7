// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagramrenderer.h"

#include "trace/eventtext.h"

#include "trace/analysistext.h"
#include "trace/hostsettings.h"
#include "trace/stepcaption.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLineF>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QStringList>
#include <QtMath>
#include <algorithm>
#include <limits>
#include <map>

using namespace Qt::StringLiterals;

namespace {

// Fonts are sized in pixels of the 96-dpi logical space, so a PDF or an SVG (whatever its device
// resolution) scales them with the painter's transform exactly as it scales the geometry.
QFont diagramFont(qreal pointSize)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(std::max(6, qRound(pointSize * 96.0 / 72.0)));
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

DiagramMetrics metricsOf(const QFont &font)
{
    const QFontMetricsF fm(font);
    // The width of the text the diagram writes (calls, labels, states), not the font's nominal average.
    const QString sample = QStringLiteral("connect(3, 10.0.0.2:9877) SYN K, ACK J+1 ESTABLISHED");
    return {std::ceil(fm.height() * 1.05), fm.horizontalAdvance(sample) / qreal(sample.size())};
}

QString tr(const char *text)
{
    return QCoreApplication::translate("DiagramRenderer", text);
}

constexpr quint32 kCacheLimit = 50'000; // texts kept; a screenful needs a few dozen

// The widest a call's text may be, in average characters, before a long argument or data string is
// shortened with "…" (never the call's name, its result or its errno name): a wider lane would take
// the wire's room on a projector. A lane is as wide as its widest text up to this.
constexpr qreal kMaxCallTextChars = 44;
// An arrow's label: its baseline above the arrow's line (in lines), high enough that the open
// circle of a segment still on its way, drawn on the line, stays clear of it.
constexpr qreal kLabelBaseline = -0.6;
// Runs with more arrows than this keep their labels where labelCentre() puts them: placing a label
// needs the places of the labels before it, and showing the end of a long bulk transfer must not
// mean formatting every label of it.
constexpr qsizetype kMovedLabelsAtMost = 20'000;
// Arrows over more rows than this keep their label where it is (a long arrow's middle is far from
// the arrows it passes, and looking costs the rows it spans); the others avoid them.
constexpr int kPlacedSpan = 16;

// Whether two convex outlines overlap (more than touching): no axis of either separates them.
bool convexOverlap(const QPolygonF &a, const QPolygonF &b)
{
    if (!a.boundingRect().intersects(b.boundingRect())) return false;
    for (const QPolygonF *p : {&a, &b}) {
        for (qsizetype i = 0; i < p->size(); ++i) {
            const QPointF edge = p->at((i + 1) % p->size()) - p->at(i);
            if (qFuzzyIsNull(edge.x()) && qFuzzyIsNull(edge.y())) continue; // a closed polygon repeats its first point
            const QPointF axis(-edge.y(), edge.x());
            qreal minA = 1e300, maxA = -1e300, minB = 1e300, maxB = -1e300;
            for (const QPointF &q : a) {
                const qreal d = QPointF::dotProduct(q, axis);
                minA = std::min(minA, d);
                maxA = std::max(maxA, d);
            }
            for (const QPointF &q : b) {
                const qreal d = QPointF::dotProduct(q, axis);
                minB = std::min(minB, d);
                maxB = std::max(maxB, d);
            }
            if (maxA <= minB || maxB <= minA) return false;
        }
    }
    return true;
}

QPolygonF around(QPointF centre, qreal half)
{
    return QPolygonF(QRectF(centre - QPointF(half, half), QSizeF(2 * half, 2 * half)));
}

// A timer's time: milliseconds below a tenth of a second (a tail-loss probe's 16 ms is not "0.0 s").
QString durationText(qint64 ms)
{
    if (ms < 100) return QString::number(std::max<qint64>(0, ms)) + u" ms"_s;
    return QLocale().toString(ms / 1000.0, 'f', ms < 10000 ? 1 : 0) + u" s"_s; // "1,0 s" in German
}

quint64 socketOf(Side side, quint16 local, quint16 remote)
{
    return quint64(side) << 32 | quint64(local) << 16 | remote;
}

// Linux's TIME_WAIT length, TCP_TIMEWAIT_LEN: fixed at 60 s (not a sysctl), and what the kernel
// re-arms the timewait timer with when the FIN arrives and on a repeated FIN.
constexpr quint32 kTwoMslMs = 60'000;

// Text runs along the arrow but never upside down.
qreal textAngle(QPointF a, QPointF b)
{
    QPointF d = b - a;
    if (d.x() < 0) d = -d;
    return qRadiansToDegrees(std::atan2(d.y(), d.x()));
}

// Where an arrow's label is centred: the middle of the whole arrow (as if delivered, so it does not
// move when the segment arrives). Two arrows that cross have their middles close, or the same (a
// simultaneous open's SYN, ACKs leave and arrive on the same rows), and their labels would be
// written over each other there: then each goes towards its own start, on its sender's half of the
// wire, above its own arrow, where the arrow it crosses is below. Only what the layout decided
// counts (not which rows are revealed), so a label stays put as a slide build goes on.
template<typename Width>
QPointF labelCentre(const DiagramLayout &layout, qsizetype index, const Width &width)
{
    using Arrow = DiagramLayout::Arrow;
    // Crossings are looked for among delivered arrows of a few rows: a long one's middle is far
    // from the arrows it crosses, and looking costs the rows it spans.
    constexpr int kSpan = 16;
    const auto crosses = [](const Arrow &a) {
        return a.end == DiagramLayout::ArrowEnd::Delivered && !a.late && a.endRow - a.startRow <= kSpan;
    };
    const Arrow &a = layout.arrow(index);
    const QPointF s = layout.arrowStart(a);
    const QPointF e = layout.arrowEnd(a);
    const QPointF mid = (s + e) / 2;
    if (!crosses(a)) return mid;
    const qreal lh = layout.metrics().lineHeight;
    const auto area = [&](const Arrow &x, qreal w) {
        const QPointF xs = layout.arrowStart(x), xe = layout.arrowEnd(x);
        QTransform t;
        t.translate((xs.x() + xe.x()) / 2, (xs.y() + xe.y()) / 2);
        t.rotate(textAngle(xs, xe));
        return t.map(QPolygonF(QRectF(-w / 2, -1.05 * lh, w, 0.95 * lh)));
    };
    const qreal w = width(index);
    const QPolygonF mine = area(a, w);
    bool overlaps = false;
    layout.forEachArrow(a.startRow, a.endRow, [&](qsizetype j) {
        const Arrow &b = layout.arrow(j);
        if (overlaps || j == index || b.sender == a.sender || !crosses(b)) return;
        // The other way: b ends on a's sender's side. They cross when a leaves above where b
        // ends and arrives below where b leaves.
        if (!(s.y() < layout.arrowEnd(b).y() && e.y() > layout.arrowStart(b).y())) return;
        const QPolygonF theirs = area(b, width(j));
        overlaps = mine.boundingRect().intersects(theirs.boundingRect()) && mine.intersects(theirs);
    });
    if (!overlaps) return mid;
    // The label's inner end a little short of the middle, and the label not beyond the sender's column.
    const qreal across = std::abs(e.x() - s.x());
    if (across <= 0) return mid;
    const qreal fromStart = std::max(w / 2 + 0.3 * lh, across / 2 - 0.6 * lh - w / 2);
    return s + (e - s) * std::min(0.5, fromStart / across);
}
} // namespace

DiagramRenderer::Palette DiagramRenderer::palette(DiagramTheme theme)
{
    // Okabe–Ito hues, darkened on white for a projector and lightened on the dark background.
    if (theme == DiagramTheme::Dark) {
        return {QColor(0x1e, 0x1f, 0x22), QColor(0xec, 0xec, 0xec), QColor(0xa8, 0xa8, 0xa8),
                QColor(0xd0, 0xd0, 0xd0), QColor(0x70, 0x70, 0x70), QColor(0x4a, 0x40, 0x1c),
                QColor(0xd8, 0xbd, 0x5e), QColor(0xff, 0x8c, 0x5a), QColor(0xff, 0xd3, 0x4d, 110),
                QColor(0xff, 0xe0, 0x66), QColor(0x56, 0xb4, 0xe9), QColor(0xe3, 0x8f, 0xc6),
                QColor(0xff, 0x8c, 0x42), QColor(0x3f, 0xd0, 0xa0), QColor(0xd8, 0xd8, 0xd8)};
    }
    return {QColor(0xff, 0xff, 0xff),     QColor(0x14, 0x14, 0x14), QColor(0x5a, 0x5a, 0x5a), QColor(0x30, 0x30, 0x30),
            QColor(0xa0, 0xa0, 0xa0),     QColor(0xff, 0xf1, 0xc7), QColor(0x8a, 0x6d, 0x00), QColor(0xc0, 0x39, 0x00),
            QColor(0xff, 0xc8, 0x00, 90), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x5f, 0x9e), QColor(0x9c, 0x2f, 0x7a),
            QColor(0xc8, 0x50, 0x00),     QColor(0x00, 0x7a, 0x5a), QColor(0x30, 0x30, 0x30)};
}

QColor DiagramRenderer::errorColorForApplication()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    return palette(dark ? DiagramTheme::Dark : DiagramTheme::Light).error;
}

DiagramRenderer::DiagramRenderer(const Trace &trace, const DiagramOptions &options)
    : m_trace(trace)
    , m_options(options)
    , m_palette(palette(options.theme))
    , m_font(diagramFont(options.fontPointSize))
    , m_boldFont(m_font)
    , m_smallFont(diagramFont(options.fontPointSize * 0.85))
    , m_italicFont(m_font)
    , m_layout(trace, options.layout, metricsOf(m_font), options.collapseRetransmissions)
    , m_labeler(trace)
{
    m_boldFont.setBold(true);
    m_italicFont.setItalic(true);
    for (int s = 0; s < 11; ++s) {
        m_stateNames[s] = tcpStateName(TcpState(s));
        m_inferredStateNames[s] = u'≈' + m_stateNames[s];
    }
    m_columnTitle[0] = tr("app");
    m_columnTitle[1] = tr("TCP");
    m_questionText.text = u"?"_s;
    m_questionText.width = QFontMetricsF(m_font).horizontalAdvance(m_questionText.text);
    const QFontMetricsF fm(m_font), small(m_smallFont);
    m_failMarkWidth = fm.horizontalAdvance(u"✗"_s);
    m_ascent = fm.ascent();
    m_descent = fm.descent();
    m_smallAscent = small.ascent();
    m_smallDescent = small.descent();

    const Palette &p = m_palette;
    const QColor colors[] = {p.syn, p.fin, p.rst, p.data, p.ack};
    const qreal widths[] = {2.4, 2.0, 2.0, 1.8, 1.2};
    for (int s = 0; s < int(ArrowStyle::Count); ++s) {
        QPen pen(colors[s], widths[s], Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
        if (ArrowStyle(s) == ArrowStyle::Rst) pen.setStyle(Qt::DashDotLine);
        m_arrowPen[s] = pen;
        pen.setStyle(Qt::CustomDashLine);
        pen.setDashPattern({1.5, 2.5});
        pen.setCapStyle(Qt::RoundCap);
        m_inFlightPen[s] = pen;
    }
    m_tcpLinePen = QPen(p.lifeline, 1.6);
    m_appLinePen = QPen(p.appLine, 1.0, Qt::DashLine);
    m_boxPen = QPen(p.boxBorder, 1.2);
    m_textPen = QPen(p.text);
    m_mutedPen = QPen(p.muted);
    m_errorPen = QPen(p.error);
    m_selectionPen = QPen(p.selection, 9, Qt::SolidLine, Qt::RoundCap);
    m_dropPen = QPen(p.rst, 2.6, Qt::SolidLine, Qt::RoundCap);
    m_timerPen = QPen(p.muted, 3, Qt::SolidLine, Qt::FlatCap);
    update();
}

int DiagramRenderer::update()
{
    const qsizetype seen = m_layout.eventsSeen();
    const qreal width = m_layout.width();
    const int changed = m_layout.update();
    // New arrows may cross old ones, and arrows may have ended: placed again when next painted.
    m_labelCentres.clear();
    m_flightPoints.clear();
    m_labeler.update();
    updateTimers();
    widenLanes();
    placeTimerTexts();
    keepLabelPlaces(seen, changed, width);
    // The header names each end by address and port: the port is known from its first segment.
    for (; m_portsSeen < m_trace.size() && (!m_port[0] || !m_port[1]); ++m_portsSeen) {
        const Event &e = m_trace.at(m_portsSeen);
        if (e.kind == EventKind::Send && !m_port[int(e.side)]) m_port[int(e.side)] = e.localPort;
    }
    const TraceInfo &info = m_trace.info();
    const QString address[2] = {info.clientAddress, info.serverAddress};
    const QString role[2] = {tr("client"), tr("server")};
    // An imported capture names each end with its port already ("10.3.30.1:1048", trace-format.md).
    const bool portNamed = info.fromCapture();
    for (int s = 0; s < 2; ++s) {
        QString t = role[s];
        if (!address[s].isEmpty())
            t += u' ' + (m_port[s] && !portNamed ? EventText::addressWithPort(address[s], m_port[s]) : address[s]);
        m_title[s] = t;
    }
    // Cached texts stay valid: an arrow's text is keyed with whether it has ended (its end may be
    // marked out of order), a call's with whether it has returned.
    // The header as tall as the host settings need at any step. When that changes (a setting
    // changed, a lane widened), every place cached below the header moved: laid out again.
    if (const int extra = std::max(0, settingsLineCount() - 1); extra != m_layout.headerLines()) {
        m_layout.setHeaderLines(extra);
        reset();
        return 0;
    }
    return changed;
}

void DiagramRenderer::reset()
{
    m_labeler.reset();
    m_layout.reset();
    m_port[0] = m_port[1] = 0;
    m_portsSeen = 0;
    m_timerStories.clear();
    m_openTimerOf.clear();
    m_sentEnd.clear();
    m_stateOf.clear();
    m_timersScanned = 0;
    m_lanesScanned = 0;
    m_textBottom = 0;
    m_arrowTexts.clear();
    m_eventTexts.clear();
    m_labelCentres.clear();
    m_labelPlaces.clear();
    m_flightPoints.clear();
    update();
}

void DiagramRenderer::updateTimers()
{
    // The probe reads timers every 50 ms, and only reports a change of kind or backoff; the kernel's
    // own moments are in the trace too, and they end or name a bar more exactly:
    // - all it sent acknowledged: tcp_rearm_rto clears the retransmit timer;
    // - new data sent: the window opened, and the one xmit timer runs as RTO, not persist timer;
    // - TIME_WAIT or CLOSED: no retransmit, persist or keepalive timer is left.
    const auto close = [&](quint64 socket, qsizetype at) {
        const auto open = m_openTimerOf.constFind(socket);
        if (open == m_openTimerOf.cend()) return;
        if (at >= 0) m_timerStories[*open].endEvent = at;
        m_openTimerOf.erase(open);
    };
    const auto openKind = [&](quint64 socket) {
        const auto open = m_openTimerOf.constFind(socket);
        return open == m_openTimerOf.cend() ? TimerKind::None : m_timerStories.value(*open).kind;
    };
    const auto note = [&](quint64 socket, qsizetype at, const QString &text, quint32 ms = 0) {
        m_timerStories[m_openTimerOf.value(socket)].notes.push_back({at, text, ms});
    };
    if (m_trace.size() < m_timersScanned) { // the trace was cleared behind our back
        m_timerStories.clear();
        m_openTimerOf.clear();
        m_sentEnd.clear();
        m_stateOf.clear();
        m_timersScanned = 0;
    }
    for (const qsizetype n = m_trace.size(); m_timersScanned < n; ++m_timersScanned) {
        const qsizetype i = m_timersScanned;
        const Event &e = m_trace.at(i);
        switch (e.kind) {
        case EventKind::Timer: {
            const quint64 socket = socketOf(e.side, e.localPort, e.remotePort);
            close(socket, -1); // the layout ends the bar here
            if (e.timer() != TimerKind::None) {
                m_timerStories[i].kind = e.timer();
                m_openTimerOf.insert(socket, i);
            }
            break;
        }
        case EventKind::State: {
            const quint64 socket = socketOf(e.side, e.localPort, e.remotePort);
            const quint8 before = m_stateOf.value(socket, quint8(TcpState::Closed));
            m_stateOf.insert(socket, e.flags);
            const TimerKind kind = openKind(socket);
            if (kind == TimerKind::TimeWait && e.state() == TcpState::TimeWait && before != e.flags)
                note(socket, i, tr("TIME_WAIT 2MSL"), kTwoMslMs); // the FIN arrived: FIN_WAIT_2's timer is now 2MSL
            else if (kind != TimerKind::None && kind != TimerKind::TimeWait
                     && (e.state() == TcpState::TimeWait || e.state() == TcpState::Closed))
                close(socket, i);
            break;
        }
        case EventKind::Send: {
            const quint64 socket = socketOf(e.side, e.localPort, e.remotePort);
            const quint32 end =
                e.seq + e.length + ((e.flags & TcpFlag::Syn) ? 1 : 0) + ((e.flags & TcpFlag::Fin) ? 1 : 0);
            const auto sent = m_sentEnd.constFind(socket);
            if (sent == m_sentEnd.cend() || (e.flags & TcpFlag::Syn) || qint32(end - *sent) > 0)
                m_sentEnd.insert(socket, end);
            const TimerKind kind = openKind(socket);
            if (kind == TimerKind::Retransmit && (e.marks & EventMark::Retransmission)) {
                switch (StepCaption::resendCause(m_trace, i)) {
                case StepCaption::Resend::Rto:
                    note(socket, i, tr("RTO"));
                    break;
                case StepCaption::Resend::TailLossProbe:
                    note(socket, i, tr("tail-loss probe"));
                    break;
                case StepCaption::Resend::Unknown:
                    break;
                }
            } else if (kind == TimerKind::ZeroWindowProbe && e.length > 0 && !(e.marks & EventMark::Retransmission)) {
                close(socket, i);
            }
            break;
        }
        case EventKind::Deliver: {
            // The receiving socket's view of it.
            const quint64 socket = socketOf(otherSide(e.side), e.remotePort, e.localPort);
            const TimerKind kind = openKind(socket);
            const auto sent = m_sentEnd.constFind(socket);
            if (kind == TimerKind::Retransmit && (e.flags & TcpFlag::Ack) && sent != m_sentEnd.cend()
                && qint32(e.ack - *sent) >= 0)
                close(socket, i);
            else if (kind == TimerKind::TimeWait && (e.flags & TcpFlag::Fin) && !(e.flags & TcpFlag::Rst)
                     && m_stateOf.value(socket) == quint8(TcpState::TimeWait))
                // tcp_timewait_state_process: a repeated FIN re-arms TIME_WAIT for the full 2MSL.
                note(socket, i, tr("2MSL restarts"), kTwoMslMs);
            break;
        }
        default:
            break;
        }
    }
}

int DiagramRenderer::stepCount() const
{
    return m_layout.rowCount();
}

qsizetype DiagramRenderer::eventOfStep(int step) const
{
    if (step < 0 || step >= m_layout.rowCount()) return -1;
    return m_layout.rowFirstEvent(step);
}

int DiagramRenderer::lastRowOfTraceStep(int k) const
{
    if (k < 0 || size_t(k) >= m_trace.steps().size()) return -1;
    // The row of the step's last event: the next step starts a row of its own. An empty step's
    // end is the step before's, so it shows the same. Only events laid out so far count (live).
    const qsizetype last = std::min(m_trace.stepEnd(k), m_layout.eventsSeen()) - 1;
    return last < 0 ? -1 : m_layout.rowOfEvent(last);
}

int DiagramRenderer::firstRowOfTraceStep(int k) const
{
    return k <= 0 ? 0 : lastRowOfTraceStep(k - 1) + 1;
}

qreal DiagramRenderer::rowTop(int row) const
{
    if (row <= 0) return m_layout.headerHeight();
    if (row >= m_layout.rowCount()) return m_layout.height();
    return (m_layout.rowY(row - 1) + m_layout.rowY(row)) / 2;
}

qreal DiagramRenderer::rowBottom(int row) const
{
    // The last row's timer texts hang below it (a timer's text starts under the row that armed it).
    if (row + 1 >= m_layout.rowCount())
        return std::max(m_layout.height(), m_textBottom + 0.25 * m_layout.metrics().lineHeight);
    return (m_layout.rowY(row) + m_layout.rowY(row + 1)) / 2;
}

QSizeF DiagramRenderer::size(StepRange range) const
{
    const int last = range.last < 0 ? stepCount() - 1 : std::min(range.last, stepCount() - 1);
    const int first = std::clamp(range.first, 0, std::max(0, last));
    if (stepCount() == 0) return {m_layout.width(), m_layout.height()};
    return {m_layout.width(), m_layout.headerHeight() + rowBottom(last) - rowTop(first)};
}

qreal DiagramRenderer::rowYIn(StepRange range, int row) const
{
    const int last = range.last < 0 ? stepCount() - 1 : std::min(range.last, stepCount() - 1);
    const int first = std::clamp(range.first, 0, std::max(0, last));
    if (stepCount() == 0) return m_layout.headerHeight();
    return m_layout.headerHeight() + m_layout.rowY(std::clamp(row, 0, stepCount() - 1)) - rowTop(first);
}

std::vector<qreal> DiagramRenderer::pageBreakCandidates(StepRange range) const
{
    std::vector<qreal> out;
    const int last = range.last < 0 ? stepCount() - 1 : std::min(range.last, stepCount() - 1);
    const int first = std::clamp(range.first, 0, std::max(0, last));
    const qreal offset = m_layout.headerHeight() - rowTop(first);
    for (int r = first; r < last; ++r)
        out.push_back(rowBottom(r) + offset);
    return out;
}

void DiagramRenderer::paint(QPainter *painter, StepRange range, int revealedUpTo, int questionFromRow) const
{
    const QSizeF whole = size(range);
    if (!m_options.transparentBackground) painter->fillRect(QRectF(QPointF(0, 0), whole), m_palette.background);
    if (stepCount() == 0) {
        paintHeader(painter);
        return;
    }
    const int last = range.last < 0 ? stepCount() - 1 : std::min(range.last, stepCount() - 1);
    // The hosts' settings as of the last step drawn, as the window's header shows them at a step: a
    // range or a slide that ends before a change must not name it. The whole trace: every change.
    paintHeader(painter, revealedUpTo >= 0 ? std::min(revealedUpTo, last) : range.last >= 0 ? last : -1);
    const int first = std::clamp(range.first, 0, last);
    const qreal top = rowTop(first);
    const qreal bottom = rowBottom(last);
    painter->save();
    const qreal header = m_layout.headerHeight();
    painter->setClipRect(QRectF(0, header, whole.width(), bottom - top), Qt::IntersectClip);
    painter->translate(0, header - top);
    Overlay overlay;
    overlay.questionFromRow = questionFromRow;
    paintArea(painter, QRectF(0, top, whole.width(), bottom - top), revealedUpTo, overlay);
    painter->restore();
}

QStringList DiagramRenderer::settingParts(Side side, int upToRow) const
{
    // The lesson's settings (those of the host settings panel) where a host's differ from how the
    // lab began: what a connection made at that row was made with.
    std::vector<std::pair<QString, std::pair<QString, QString>>> changed; // key -> (first from, last to)
    for (const HostSettingChange &c : m_trace.info().settingChanges) {
        const HostSetting *known = HostSettings::find(c.key);
        if (c.side != side || !known || !known->inPanel) continue;
        if (upToRow >= 0 && c.firstEvent > 0) {
            const int row = c.firstEvent < m_trace.size() ? m_layout.rowOfEvent(c.firstEvent) : -1;
            if (row < 0 || row > upToRow) continue;
        }
        auto it = std::find_if(changed.begin(), changed.end(), [&](const auto &k) { return k.first == c.key; });
        if (it == changed.end())
            changed.push_back({c.key, {c.from, c.to}});
        else
            it->second.second = c.to;
    }
    QStringList parts;
    for (const auto &[key, values] : changed) {
        if (values.first != values.second)
            parts << HostSettings::displayName(key) + u' ' + HostSettings::valueText(key, values.second);
    }
    return parts;
}

DiagramRenderer::SettingsBlock DiagramRenderer::settingsBlock(Side side, const QStringList &parts) const
{
    SettingsBlock block;
    if (parts.isEmpty()) return block;
    // Below the host's title, from the column titles' line down: between "app" and "TCP" when all
    // fits on that one line, else where a line holds more, between them or outside "app" (towards
    // the diagram's edge, where the call lane leaves room), wrapped onto as many lines as it takes.
    // Never shortened: a lecturer reads every change. The other host's block is on its own half.
    const qreal lh = m_layout.metrics().lineHeight;
    const qreal app = m_layout.columnX(side, DiagramLayout::Column::App);
    const qreal tcp = m_layout.columnX(side, DiagramLayout::Column::Tcp);
    const QFontMetricsF fm(m_smallFont);
    const qreal half =
        0.5 * std::max(fm.horizontalAdvance(m_columnTitle[0]), fm.horizontalAdvance(m_columnTitle[1])) + 12;
    const qreal between = std::abs(tcp - app) - 2 * half;
    const bool appLeft = app < tcp;
    const qreal outerLeft = appLeft ? 4.0 : app + half;
    const qreal outerRight = appLeft ? app - half : m_layout.width() - 4;
    const qreal outside = outerRight - outerLeft;
    const QString whole = parts.join(u" · "_s);
    if (fm.horizontalAdvance(whole) <= between || between >= outside) {
        block.box = QRectF(std::min(app, tcp) + half, 1.4 * lh, between, lh);
    } else {
        block.box = QRectF(outerLeft, 1.4 * lh, outside, lh);
        block.align = Qt::AlignVCenter | (appLeft ? Qt::AlignRight : Qt::AlignLeft);
    }
    // Whole settings on a line; one wider than the line alone breaks between its words.
    const qreal width = block.box.width();
    QString line;
    for (const QString &part : parts) {
        const QStringList atoms = fm.horizontalAdvance(part) <= width ? QStringList {part} : part.split(u' ');
        for (qsizetype i = 0; i < atoms.size(); ++i) {
            const QString next = line.isEmpty() ? atoms[i] : line + (i == 0 ? u" · "_s : u" "_s) + atoms[i];
            if (line.isEmpty() || fm.horizontalAdvance(next) <= width) {
                line = next;
            } else {
                block.lines << line;
                line = atoms[i];
            }
        }
    }
    block.lines << line;
    return block;
}

int DiagramRenderer::settingsLineCount() const
{
    const std::vector<HostSettingChange> &changes = m_trace.info().settingChanges;
    if (changes.empty()) return 0;
    // Every row a change shows from (the view's steps), and the whole trace (-1: live, exports).
    std::vector<int> rows {-1, 0};
    for (const HostSettingChange &c : changes) {
        if (c.firstEvent > 0 && c.firstEvent < m_trace.size()) rows.push_back(m_layout.rowOfEvent(c.firstEvent));
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    qsizetype most = 0;
    for (int row : rows) {
        for (int s = 0; s < 2; ++s) {
            const QStringList parts = settingParts(Side(s), row);
            if (!parts.isEmpty()) most = std::max(most, settingsBlock(Side(s), parts).lines.size());
        }
    }
    return int(most);
}

void DiagramRenderer::paintHeader(QPainter *painter, int upToRow) const
{
    const qreal lh = m_layout.metrics().lineHeight;
    const qreal h = m_layout.headerHeight();
    if (!m_options.transparentBackground) painter->fillRect(QRectF(0, 0, m_layout.width(), h), m_palette.background);
    for (int s = 0; s < 2; ++s) {
        const Side side = Side(s);
        const qreal app = m_layout.columnX(side, DiagramLayout::Column::App);
        const qreal tcp = m_layout.columnX(side, DiagramLayout::Column::Tcp);
        painter->setFont(m_boldFont);
        painter->setPen(m_textPen);
        const qreal centre = (app + tcp) / 2;
        drawText(painter, QRectF(centre - 200, 0.3 * lh, 400, lh), Qt::AlignCenter, m_title[s]);
        painter->setFont(m_smallFont);
        painter->setPen(m_mutedPen);
        drawText(painter, QRectF(app - 60, 1.4 * lh, 120, lh), Qt::AlignCenter, m_columnTitle[0]);
        drawText(painter, QRectF(tcp - 60, 1.4 * lh, 120, lh), Qt::AlignCenter, m_columnTitle[1]);
        const SettingsBlock block = settingsBlock(side, settingParts(side, upToRow));
        for (qsizetype k = 0; k < block.lines.size(); ++k)
            drawText(painter, block.box.translated(0, qreal(k) * lh), int(block.align) | Qt::TextDontClip,
                     block.lines[k]);
    }
    painter->setPen(QPen(m_palette.appLine, 1));
    painter->drawLine(QPointF(0, h - 0.5 * lh), QPointF(m_layout.width(), h - 0.5 * lh));
}

DiagramRenderer::ArrowStyle DiagramRenderer::styleOf(quint8 flags, quint32 length) const
{
    if (flags & TcpFlag::Rst) return ArrowStyle::Rst;
    if (flags & TcpFlag::Syn) return ArrowStyle::Syn;
    if (flags & TcpFlag::Fin) return ArrowStyle::Fin;
    return length ? ArrowStyle::Data : ArrowStyle::Ack;
}

const DiagramRenderer::Text &DiagramRenderer::arrowText(qsizetype index) const
{
    const DiagramLayout::Arrow &a = m_layout.arrow(index);
    // Copies of a folded run still on the wire once one got through: told until they are gone.
    const int held =
        a.resent && a.end == DiagramLayout::ArrowEnd::Delivered ? std::min(m_layout.heldCopies(index), 511) : 0;
    // The text changes when the arrow ends (out of order), a retransmission is folded into it, or
    // one of its held copies leaves the wire.
    const qsizetype key = (index << 18) | (qsizetype(held) << 9) | (qsizetype(a.resent) << 1)
        | (a.endEvent != DiagramLayout::kNone ? 1 : 0);
    auto it = m_arrowTexts.constFind(key);
    if (it != m_arrowTexts.cend()) return *it;
    if (quint32(m_arrowTexts.size()) > kCacheLimit) m_arrowTexts.clear();
    ++m_stats.labelsFormatted;
    Text t;
    t.text = m_labeler.label(a.sendEvent, m_options.numbers,
                             m_options.windowAlways ? SegmentLabeler::WindowShown::Always
                                                    : SegmentLabeler::WindowShown::WhenItMatters);
    const Event &send = m_trace.at(m_trace.sendIndexOf(a.sendEvent));
    // Folded: "SYN J, sent 3 times", the count read as part of the name.
    if (a.resent)
        t.text += u", "_s + QCoreApplication::translate("DiagramRenderer", "sent %n times", nullptr, a.resent + 1);
    QStringList marks;
    const qsizetype fold = a.late ? m_layout.foldOf(index) : -1;
    if (fold >= 0) {
        // A copy of a folded run, after another got through: which one.
        const std::vector<quint32> &sends = m_layout.foldedSends(fold);
        const auto k = std::find(sends.begin(), sends.end(), a.sendEvent) - sends.begin() + 1;
        // Short, beside the wire: the head or the cross says what became of it.
        marks << tr("copy %1 of %2").arg(k).arg(sends.size());
    } else {
        marks << AnalysisText::names(send); // a retransmission; an import's other tcp.analysis marks
    }
    if (held) marks << QCoreApplication::translate("DiagramRenderer", "%n still on the wire", nullptr, held);
    if (a.copy) marks << tr("copy");
    if (a.endEvent != DiagramLayout::kNone && (m_trace.at(a.endEvent).marks & EventMark::Reordered))
        marks << tr("out of order");
    if (!marks.isEmpty()) t.text += u"  ("_s + marks.join(u", "_s) + u')';
    if (m_options.showDetail) t.detail = m_labeler.detail(a.sendEvent);
    const QFontMetricsF fm(m_font);
    t.width = fm.horizontalAdvance(t.text);
    t.detailWidth = QFontMetricsF(m_smallFont).horizontalAdvance(t.detail);
    return *m_arrowTexts.insert(key, t);
}

QString DiagramRenderer::arrowLabel(qsizetype arrow) const
{
    return arrowText(arrow).text;
}

QString DiagramRenderer::fitCallLine(const CallRecord *call, const CallRecord *result, bool elide) const
{
    // The call's one text (EventText::callText: "listen(13, 5) = 0", "accept(3) blocks"); a return
    // drawn apart from its call says " 0" after "returns".
    const QString core = result ? EventText::resultText(*result) : QString();
    const qsizetype whole = result ? result->detail.size() : 0;
    const QString args = call ? EventText::callArguments(*call) : QString();
    const auto line = [&](qsizetype n, const QString &a) {
        if (call) return EventText::callText(*call, a, result, n);
        QString text = result->fn + u' ' + tr("returns");
        const QString extra = EventText::returnDetail(*result, n);
        if (!core.isEmpty() || !extra.isEmpty())
            text += u" "_s + core + (core.isEmpty() || extra.isEmpty() ? QString() : u" "_s) + extra;
        return text;
    };
    if (!elide) return line(std::min<qsizetype>(whole, 200), args); // a tooltip; the details panel has every byte
    const QFontMetricsF fm(m_font);
    const qreal most = kMaxCallTextChars * m_layout.metrics().charWidth;
    const auto fits = [&](const QString &text) { return fm.horizontalAdvance(text) <= most; };
    const qsizetype n = std::min<qsizetype>(whole, 64);
    QString text = line(n, args);
    if (fits(text)) return text;
    // The data or detail first, down to "…": the largest part of it that fits.
    qsizetype lo = 0, hi = n;
    while (lo < hi) {
        const qsizetype mid = (lo + hi + 1) / 2;
        if (fits(line(mid, args)))
            lo = mid;
        else
            hi = mid - 1;
    }
    text = line(lo, args);
    if (fits(text) || args.isEmpty()) return text;
    // Then the arguments. The name, the result and the errno stay whole: the lane grows instead.
    const qreal room = most - fm.horizontalAdvance(line(lo, QString()));
    const QString shortArgs = fm.elidedText(args, Qt::ElideRight, room);
    return line(lo, shortArgs.isEmpty() ? u"…"_s : shortArgs);
}

DiagramRenderer::Text DiagramRenderer::makeCallText(qsizetype boxIndex, bool oneRow, bool elide) const
{
    const DiagramLayout::Box &b = m_layout.box(boxIndex);
    Text t;
    const CallRecord *ret =
        b.returnEvent != DiagramLayout::kNone ? &m_trace.callRecord(m_trace.at(b.returnEvent)) : nullptr;
    if (b.callEvent != DiagramLayout::kNone) {
        const CallRecord &r = m_trace.callRecord(m_trace.at(b.callEvent));
        if (oneRow && ret)
            t.text = fitCallLine(&r, ret, elide);
        else
            t.text = fitCallLine(&r, nullptr, elide);
    }
    if (ret && !(oneRow && b.callEvent != DiagramLayout::kNone)) t.detail = fitCallLine(nullptr, ret, elide);
    return t;
}

QString DiagramRenderer::fullText(qsizetype event) const
{
    if (event < 0 || event >= m_layout.eventsSeen()) return {};
    const Event &e = m_trace.at(event);
    if (e.kind == EventKind::Signal) return EventText::signalText(m_trace, m_trace.callRecord(e));
    const qsizetype box = m_layout.boxOfEvent(event);
    if (box < 0) return {};
    const DiagramLayout::Box &b = m_layout.box(box);
    const Text t = makeCallText(box, b.endRow >= 0 && b.endRow == b.startRow, false);
    if (t.text.isEmpty() || t.detail.isEmpty()) return t.text + t.detail;
    return t.text + u'\n' + t.detail;
}

void DiagramRenderer::widenLanes()
{
    // Each call, signal and state is measured once, as laid out; a call still blocked is measured
    // again when it returns. Lanes only widen while a run grows.
    const QFontMetricsF fm(m_font), bold(m_boldFont), italic(m_italicFont);
    const qreal lh = m_layout.metrics().lineHeight;
    const qreal cw = m_layout.metrics().charWidth;
    qreal app[2] = {}, state[2] = {}, label = 0;
    // Labels are measured only where they are placed (movesLabels(): placing needs every width).
    const bool labels = movesLabels();
    for (const qsizetype n = m_layout.eventsSeen(); m_lanesScanned < n; ++m_lanesScanned) {
        const qsizetype i = m_lanesScanned;
        const Event &e = m_trace.at(i);
        const int s = int(e.side) & 1;
        switch (e.kind) {
        case EventKind::Call:
        case EventKind::Return: {
            const qsizetype box = m_layout.boxOfEvent(i);
            if (box < 0) break;
            const DiagramLayout::Box &b = m_layout.box(box);
            const bool returned = b.endRow >= 0;
            const bool oneRow = returned && b.endRow == b.startRow;
            const Text t = makeCallText(box, oneRow);
            // A failed call's ✗ follows the line that says how it returned.
            const qreal mark =
                returned && b.returnEvent != DiagramLayout::kNone && m_trace.callRecord(m_trace.at(b.returnEvent)).err
                ? 0.4 * lh + m_failMarkWidth
                : 0.0;
            qreal w = fm.horizontalAdvance(t.text) + (oneRow && t.detail.isEmpty() ? mark : 0.0);
            if (returned && !t.detail.isEmpty()) w = std::max(w, fm.horizontalAdvance(t.detail) + mark);
            app[s] = std::max(app[s], w);
            break;
        }
        case EventKind::Signal:
            app[s] = std::max(app[s], eventText(i).width);
            break;
        case EventKind::Send:
        case EventKind::Deliver:
        case EventKind::Drop:
        case EventKind::Duplicate:
            if (labels) {
                const qsizetype arrow = m_layout.arrowOfEvent(i);
                if (arrow >= 0) label = std::max(label, arrowText(arrow).width);
            }
            break;
        case EventKind::State: {
            const int st = e.flags <= 10 ? int(e.flags) : 0;
            const qreal w = (e.marks & EventMark::Inferred) ? italic.horizontalAdvance(m_inferredStateNames[st])
                                                            : bold.horizontalAdvance(m_stateNames[st]);
            // A state is written 1.2 characters from its lifeline (clear of a timer bar there); the
            // lane starts a character further out.
            state[s] = std::max(state[s], w + 0.5 * cw);
            break;
        }
        default:
            break;
        }
    }
    for (int s = 0; s < 2; ++s)
        m_layout.widenTextLanes(Side(s), app[s], state[s]);
    // Two arrows crossing on neighbouring rows each need the room of their label on either side of
    // the crossing: a wire of less than about twice the longest label leaves none.
    m_layout.widenWire(1.8 * label);
}

void DiagramRenderer::placeTimerTexts()
{
    // A timer's text is written under the row that armed it, each note under its own row, beside
    // the TCP lifeline where the states are, on one line: each goes down to the first line free of
    // the states and of the timer texts placed before it on that side, so none touches another.
    // Worked out for the whole trace at each update: timers are few (the probe reports changes).
    m_textBottom = 0;
    if (m_timerStories.isEmpty()) return;
    const qreal lh = m_layout.metrics().lineHeight;
    const qreal cw = m_layout.metrics().charWidth;
    const QFontMetricsF small(m_smallFont), bold(m_boldFont);
    const qreal pad = 1.5; // px kept free above and below each text
    struct Item {
        qsizetype event;
        qsizetype story;
        int note; // -1: the timer's own text
    };
    std::vector<Item> items;
    for (auto it = m_timerStories.cbegin(); it != m_timerStories.cend(); ++it) {
        if (it.key() >= m_layout.eventsSeen()) continue;
        items.push_back({it.key(), it.key(), -1});
        for (size_t k = 0; k < it->notes.size(); ++k) {
            if (it->notes[k].event < m_layout.eventsSeen()) items.push_back({it->notes[k].event, it.key(), int(k)});
        }
    }
    std::sort(items.begin(), items.end(),
              [](const Item &a, const Item &b) { return a.event != b.event ? a.event < b.event : a.note < b.note; });
    // What is taken beside each TCP lifeline, top -> bottom, none overlapping: states, then texts.
    std::map<qreal, qreal> taken[2];
    const qreal stateHalf = (bold.ascent() + bold.descent()) / 2;
    for (qsizetype m = 0; m < m_layout.markCount(); ++m) {
        const DiagramLayout::Mark &mark = m_layout.mark(m);
        const Event &e = m_trace.at(mark.event);
        if (e.kind == EventKind::State) {
            const qreal y = m_layout.rowY(mark.row);
            taken[int(e.side) & 1].emplace(y - stateHalf, y + stateHalf);
        }
    }
    // The first baseline at or below y whose line is free.
    const auto freeBaseline = [&](const std::map<qreal, qreal> &lane, qreal y) {
        for (;;) {
            const qreal top = y - m_smallAscent - pad, bottom = y + m_smallDescent + pad;
            const auto after = lane.lower_bound(bottom);
            if (after == lane.begin()) return y;
            const auto before = std::prev(after);
            if (before->second <= top) return y;
            y = before->second + m_smallAscent + pad;
        }
    };
    qreal lane[2] = {};
    for (const Item &item : items) {
        TimerStory &story = m_timerStories[item.story];
        const int s = int(m_trace.at(item.story).side) & 1;
        QString whole;
        if (item.note < 0) {
            const Text &t = eventText(item.story);
            whole = t.text + u' ' + t.detail;
        } else {
            const TimerNote &n = story.notes[size_t(item.note)];
            whole = n.ms ? n.text + u' ' + durationText(n.ms) : n.text;
        }
        // Room for it on one line, and a character more for a countdown.
        lane[s] = std::max(lane[s], small.horizontalAdvance(whole) + 1.5 * cw);
        const qreal y = freeBaseline(taken[s], m_layout.rowY(m_layout.rowOfEvent(item.event)) + 1.3 * lh);
        taken[s].emplace(y - m_smallAscent, y + m_smallDescent);
        m_textBottom = std::max(m_textBottom, y + m_smallDescent);
        if (item.note < 0) {
            story.y = y;
        } else {
            story.noteY.resize(story.notes.size());
            story.noteY[size_t(item.note)] = y;
        }
    }
    for (int s = 0; s < 2; ++s)
        m_layout.widenTextLanes(Side(s), 0, lane[s]);
}

const DiagramRenderer::Text &DiagramRenderer::eventText(qsizetype event) const
{
    auto it = m_eventTexts.constFind(event);
    if (it != m_eventTexts.cend()) return *it;
    if (quint32(m_eventTexts.size()) > kCacheLimit) m_eventTexts.clear();
    ++m_stats.labelsFormatted;
    Text t;
    const Event &e = m_trace.at(event);
    if (e.kind == EventKind::Signal) {
        // "disconnected() — emitted inside disconnectFromHost()", "accept() by QTcpServer → fd 13"
        t.text = EventText::signalText(m_trace, m_trace.callRecord(e));
        const QFontMetricsF fm(m_smallFont);
        const qreal most = kMaxCallTextChars * m_layout.metrics().charWidth;
        const QString name = m_trace.callRecord(e).fn + u"()"_s;
        if (fm.horizontalAdvance(t.text) > most && t.text.startsWith(name)) {
            // What follows the signal's name is shortened like a call's data, the name never.
            const QString rest =
                fm.elidedText(t.text.mid(name.size()), Qt::ElideRight,
                              std::max(most - fm.horizontalAdvance(name), fm.horizontalAdvance(u" …"_s)));
            t.text = name + rest;
        }
    } else if (e.kind == EventKind::Timer) {
        // Named as students know them; a type-1 timer is only named RTO or tail-loss probe where
        // it fires (the notes of updateTimers()).
        t.text = StepCaption::timerName(m_trace, event);
        t.detail = durationText(e.seq);
    }
    t.width = QFontMetricsF(m_smallFont).horizontalAdvance(t.text);
    return *m_eventTexts.insert(event, t);
}

qreal DiagramRenderer::labelAngle(QPointF a, QPointF b) const
{
    return textAngle(a, b);
}

void DiagramRenderer::drawText(QPainter *painter, QPointF baseline, const QString &text) const
{
    painter->drawText(baseline, text);
    if (!m_drawn) return;
    const QFontMetricsF fm(painter->font());
    const QRectF box(baseline.x(), baseline.y() - fm.ascent(), fm.horizontalAdvance(text), fm.ascent() + fm.descent());
    const QTransform &t = painter->combinedTransform();
    m_drawn->push_back({Drawn::Kind::Text, t.map(QPolygonF(box)),
                        painter->hasClipping() ? t.mapRect(painter->clipBoundingRect()) : QRectF(), text});
}

void DiagramRenderer::drawText(QPainter *painter, const QRectF &rect, int flags, const QString &text) const
{
    painter->drawText(rect, flags, text);
    if (!m_drawn) return;
    // Where the text lands in the rectangle: its advance and the font's ascent and descent.
    const QFontMetricsF fm(painter->font());
    const qreal w = fm.horizontalAdvance(text), h = fm.ascent() + fm.descent();
    const qreal x = (flags & Qt::AlignRight) ? rect.right() - w
        : (flags & Qt::AlignHCenter)         ? rect.center().x() - w / 2
                                             : rect.left();
    const qreal y = (flags & Qt::AlignBottom) ? rect.bottom() - h
        : (flags & Qt::AlignVCenter)          ? rect.center().y() - h / 2
                                              : rect.top();
    const QTransform &t = painter->combinedTransform();
    m_drawn->push_back({Drawn::Kind::Text, t.map(QPolygonF(QRectF(x, y, w, h))),
                        painter->hasClipping() ? t.mapRect(painter->clipBoundingRect()) : QRectF(), text});
}

void DiagramRenderer::noteMark(QPainter *painter, const QPolygonF &area, const char *what) const
{
    if (!m_drawn) return;
    const QTransform &t = painter->combinedTransform();
    m_drawn->push_back({Drawn::Kind::Mark, t.map(area),
                        painter->hasClipping() ? t.mapRect(painter->clipBoundingRect()) : QRectF(),
                        QString::fromLatin1(what)});
}

void DiagramRenderer::drawHead(QPainter *painter, QPointF tip, QPointF from, ArrowStyle style,
                               const QColor &color) const
{
    const qreal lh = m_layout.metrics().lineHeight;
    QLineF line(tip, from);
    const qreal len = line.length();
    if (len < 1) return;
    const QPointF u = (from - tip) / len; // towards the tail
    const QPointF n(-u.y(), u.x());
    const qreal l = style == ArrowStyle::Ack ? 0.6 * lh : 0.75 * lh;
    const qreal w = style == ArrowStyle::Ack ? 0.3 * lh : 0.32 * lh;
    const QPointF pts[3] = {tip, tip + u * l + n * w, tip + u * l - n * w};
    if (style == ArrowStyle::Ack) {
        // An open head: the lightest segment reads as the lightest arrow.
        QPen pen = m_arrowPen[int(style)];
        pen.setStyle(Qt::SolidLine);
        painter->setPen(pen);
        painter->drawLine(pts[1], tip);
        painter->drawLine(tip, pts[2]);
        noteMark(painter, QPolygonF({pts[0], pts[1], pts[2]}), "head");
        return;
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(pts, 3);
    noteMark(painter, QPolygonF({pts[0], pts[1], pts[2]}), "head");
    if (style == ArrowStyle::Fin) {
        // A FIN has a double head.
        const QPointF t2 = tip + u * (0.5 * l);
        const QPointF pts2[3] = {t2, t2 + u * l + n * w, t2 + u * l - n * w};
        painter->drawPolygon(pts2, 3);
        noteMark(painter, QPolygonF({pts2[0], pts2[1], pts2[2]}), "head");
    } else if (style == ArrowStyle::Rst) {
        // A RST ends against a bar.
        painter->setPen(QPen(color, 2.4, Qt::SolidLine, Qt::FlatCap));
        painter->drawLine(tip + n * (w * 1.4), tip - n * (w * 1.4));
        noteMark(painter,
                 QPolygonF({tip + n * (w * 1.4), tip - n * (w * 1.4), tip - n * (w * 1.4) - u * 1.2,
                            tip + n * (w * 1.4) - u * 1.2}),
                 "head");
    }
    painter->setBrush(Qt::NoBrush);
}

QPointF DiagramRenderer::labelCentreOf(qsizetype index) const
{
    // Worked out once per layout (it looks at the arrows the label may cross), not at every paint.
    const auto it = m_labelCentres.constFind(index);
    if (it != m_labelCentres.cend()) return *it;
    const QPointF centre = labelCentre(m_layout, index, [this](qsizetype i) { return arrowText(i).width; });
    m_labelCentres.insert(index, centre);
    return centre;
}

QTransform DiagramRenderer::labelTransform(qsizetype index) const
{
    const DiagramLayout::Arrow &a = m_layout.arrow(index);
    const QPointF s = m_layout.arrowStart(a);
    const QPointF e = m_layout.arrowEnd(a);
    if (a.late) return besideWire(a, s, arrowText(index).width);
    const LabelPlace place = labelPlaceOf(index);
    QTransform t;
    t.translate(place.centre.x(), place.centre.y());
    t.rotate(labelAngle(s, e));
    t.translate(0, -place.lift);
    return t;
}

void DiagramRenderer::textsBesideLifelines(int firstRow, int lastRow, std::vector<QPolygonF> &out) const
{
    const qreal cw = m_layout.metrics().charWidth;
    const QFontMetricsF bold(m_boldFont), small(m_smallFont);
    const qreal half = (bold.ascent() + bold.descent()) / 2;
    m_layout.forEachMark(firstRow, lastRow, [&](qsizetype m) {
        const DiagramLayout::Mark &mark = m_layout.mark(m);
        const Event &e = m_trace.at(mark.event);
        if (e.kind != EventKind::State) return;
        const qreal tcp = m_layout.columnX(e.side, DiagramLayout::Column::Tcp);
        const qreal w = bold.horizontalAdvance(m_stateNames[e.flags <= 10 ? e.flags : 0]) + 2 * cw;
        const qreal y = m_layout.rowY(mark.row);
        out.push_back(QPolygonF(e.side == Side::Client ? QRectF(tcp - w, y - half, w, 2 * half)
                                                       : QRectF(tcp, y - half, w, 2 * half)));
    });
    m_layout.forEachTimer(firstRow, lastRow, [&](qsizetype i) {
        const DiagramLayout::TimerSpan &span = m_layout.timer(i);
        const auto story = m_timerStories.constFind(qsizetype(span.event));
        if (story == m_timerStories.cend()) return;
        const Event &e = m_trace.at(span.event);
        const qreal tcp = m_layout.columnX(e.side, DiagramLayout::Column::Tcp);
        const qreal w = m_layout.stateTextWidth(e.side) + cw;
        const auto line = [&](qreal y) {
            const QRectF r(0, y - m_smallAscent, w, m_smallAscent + m_smallDescent);
            out.push_back(QPolygonF(r.translated(e.side == Side::Client ? tcp - w : tcp, 0)));
        };
        line(story->y);
        for (const qreal y : story->noteY)
            line(y);
    });
}

void DiagramRenderer::keepLabelPlaces(qsizetype firstNewEvent, int firstChangedRow, qreal oldWidth)
{
    // A label's place depends on the arrows, marks and labels of the rows around it and on the
    // labels placed before it: the new events touch the last rows and the arrows they end or fold
    // into, so the places before the first of those arrows stay. A lane grown moves every column.
    if (m_layout.width() != oldWidth || !movesLabels()) {
        m_labelPlaces.clear();
        return;
    }
    if (m_labelPlaces.empty()) return;
    // The first arrow that reaches the rows that changed (a few rows up: a label looks that far).
    const int fromRow = firstChangedRow - 2 - kPlacedSpan;
    qsizetype lo = 0, hi = m_layout.arrowCount();
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (m_layout.arrow(mid).startRow < fromRow)
            lo = mid + 1;
        else
            hi = mid;
    }
    qsizetype stale = lo;
    // Arrows that started earlier and ended (or took in a retransmission) now.
    for (qsizetype i = firstNewEvent; i < m_layout.eventsSeen() && stale > 0; ++i) {
        if (m_trace.at(i).isSegment()) {
            const qsizetype a = m_layout.arrowOfEvent(i);
            if (a >= 0) stale = std::min(stale, a);
        }
    }
    if (stale < qsizetype(m_labelPlaces.size())) m_labelPlaces.resize(size_t(stale));
}

QPointF DiagramRenderer::flightPointOf(qsizetype index) const
{
    // A segment on its way whose arrival a slide hides: its arrow drawn about half way (so its
    // label, placed on the whole arrow, stays put when it arrives), the open circle at the first
    // point near the middle that no label or mark covers.
    const auto it = m_flightPoints.constFind(index);
    if (it != m_flightPoints.cend()) return *it;
    const DiagramLayout::Arrow &a = m_layout.arrow(index);
    const QPointF s = m_layout.arrowStart(a), e = m_layout.arrowEnd(a);
    const qreal len = QLineF(s, e).length();
    const qreal lh = m_layout.metrics().lineHeight;
    std::vector<QPolygonF> obstacles;
    m_layout.forEachArrow(a.startRow - 2, std::max(a.startRow, a.endRow) + 2, [&](qsizetype j) {
        const DiagramLayout::Arrow &b = m_layout.arrow(j);
        obstacles.push_back(labelArea(j));
        if (j == index) return;
        const QPointF bs = m_layout.arrowStart(b), be = m_layout.arrowEnd(b);
        if (b.end == DiagramLayout::ArrowEnd::Dropped) obstacles.push_back(around(be, 0.4 * lh + 1.3));
        if (b.late) obstacles.push_back(around(bs, 0.22 * lh + 0.75));
    });
    QPointF best = (s + e) / 2;
    if (len >= 1) {
        const qreal step = 0.25 * lh / len;
        for (int k = 0; k <= int(0.3 / step); ++k) {
            bool found = false;
            for (const int sign : {-1, 1}) {
                const QPointF p = s + (e - s) * (0.5 + sign * k * step);
                const QPolygonF circle = around(p, 0.22 * lh + 2);
                if (std::none_of(obstacles.begin(), obstacles.end(),
                                 [&](const QPolygonF &o) { return convexOverlap(circle, o); })) {
                    best = p;
                    found = true;
                    break;
                }
            }
            if (found) break;
        }
    }
    m_flightPoints.insert(index, best);
    return best;
}

QPolygonF DiagramRenderer::labelPolygon(qsizetype index, const LabelPlace &place) const
{
    const DiagramLayout::Arrow &a = m_layout.arrow(index);
    if (a.late) return labelArea(index);
    QTransform t;
    t.translate(place.centre.x(), place.centre.y());
    t.rotate(labelAngle(m_layout.arrowStart(a), m_layout.arrowEnd(a)));
    t.translate(0, -place.lift);
    return t.map(QPolygonF(labelRect(index)));
}

bool DiagramRenderer::movesLabels() const
{
    // By time (a capture) rows are as close as a line: labels stay where labelCentre() puts them.
    // So they do in a very long run, which would have to be placed from its start to show its end.
    return m_layout.mode() == LayoutMode::ByStep && m_layout.arrowCount() <= kMovedLabelsAtMost;
}

DiagramRenderer::LabelPlace DiagramRenderer::labelPlaceOf(qsizetype index) const
{
    // Labels are placed in the order of their arrows, each clear of those before it, once per
    // layout (update() keeps the places of the arrows its new events cannot reach).
    if (!movesLabels()) return {labelCentreOf(index), 0};
    while (qsizetype(m_labelPlaces.size()) <= index)
        m_labelPlaces.push_back(placeLabel(qsizetype(m_labelPlaces.size())));
    return m_labelPlaces[size_t(index)];
}

DiagramRenderer::LabelPlace DiagramRenderer::placeLabel(qsizetype index) const
{
    // A label starts where labelCentre() puts it (the middle, or apart from an arrow it crosses)
    // and moves along its own arrow, towards its sender first, then further above the line, then
    // under it, until it is clear of every mark near it (a drop's cross, an open end, a head), of
    // the labels that keep their place (late copies, long arrows), of the labels of the arrows near
    // it placed before it, and of the states and timers beside the lifelines.
    const DiagramLayout::Arrow &a = m_layout.arrow(index);
    const LabelPlace place {labelCentreOf(index), 0};
    const auto placed = [](const DiagramLayout::Arrow &x) {
        return !x.late && (x.endRow < 0 || x.endRow - x.startRow <= kPlacedSpan);
    };
    const QPointF s = m_layout.arrowStart(a), e = m_layout.arrowEnd(a);
    const qreal len = QLineF(s, e).length();
    if (!placed(a) || len < 1) return place;
    const qreal lh = m_layout.metrics().lineHeight;
    const QPointF u = (e - s) / len;
    std::vector<QPolygonF> obstacles;
    const int lastRow = (a.endRow < 0 ? a.startRow + 1 : a.endRow) + 1;
    m_layout.forEachArrow(a.startRow - 2, lastRow, [&](qsizetype j) {
        if (j == index) return;
        const DiagramLayout::Arrow &b = m_layout.arrow(j);
        const QPointF bs = m_layout.arrowStart(b), be = m_layout.arrowEnd(b);
        // Its marks: a cross, an open end or a head where it ends, the circle it waited in (a late
        // copy). (Where it shows in flight on a slide, flightPointOf() finds room after the labels.)
        switch (b.end) {
        case DiagramLayout::ArrowEnd::Dropped:
            obstacles.push_back(around(be, 0.4 * lh + 1.3));
            break;
        case DiagramLayout::ArrowEnd::InFlight:
            obstacles.push_back(around(be, 0.22 * lh + 0.75));
            break;
        case DiagramLayout::ArrowEnd::Delivered:
        case DiagramLayout::ArrowEnd::Fixed: {
            const qreal bl = QLineF(be, bs).length();
            if (bl >= 1) {
                const QPointF back = (bs - be) / bl, n(-back.y(), back.x());
                const qreal w = 0.32 * lh + 0.5, l = std::min(bl, 1.2 * lh); // the head, off the line
                obstacles.push_back(QPolygonF({be + n * w, be - n * w, be + back * l - n * w, be + back * l + n * w}));
            }
            break;
        }
        }
        if (b.late) obstacles.push_back(around(bs, 0.22 * lh + 0.75));
        // Its label.
        if (!placed(b))
            obstacles.push_back(b.late ? labelArea(j) : labelPolygon(j, {labelCentreOf(j), 0}));
        else if (j < index)
            obstacles.push_back(labelPolygon(j, m_labelPlaces[size_t(j)]));
    });
    // Between the TCP lifelines, below the header.
    const qreal left = m_layout.columnX(Side::Client, DiagramLayout::Column::Tcp) + 1;
    const qreal right = m_layout.columnX(Side::Server, DiagramLayout::Column::Tcp) - 1;
    const qreal top = m_layout.headerHeight();
    const QRectF box = labelRect(index).adjusted(-0.75, -0.75, 0.75, 0.75); // a little room around it
    const qreal angle = labelAngle(s, e);
    const auto at = [&](qreal c, qreal lift) {
        QTransform t;
        const QPointF centre = s + u * c;
        t.translate(centre.x(), centre.y());
        t.rotate(angle);
        t.translate(0, -lift);
        return t.map(QPolygonF(box));
    };
    // Its own cross or open end, where its label is longer than the room before it.
    if (a.end == DiagramLayout::ArrowEnd::Dropped)
        obstacles.push_back(around(e, 0.4 * lh + 1.3));
    else if (a.end == DiagramLayout::ArrowEnd::InFlight)
        obstacles.push_back(around(e, 0.22 * lh + 0.75));
    // The states and timers written beside the TCP lifelines: a label may reach over a lifeline
    // where nothing is written there, rather than cover a mark or another label.
    const size_t hard = obstacles.size();
    textsBesideLifelines(a.startRow - 2, lastRow, obstacles);
    // What a place would cover: a mark or a text weighs more than reaching past the wire's edge.
    const auto covered = [&](const QPolygonF &p) {
        const QRectF r = p.boundingRect();
        int n = r.left() < left || r.right() > right || r.top() < top ? 1 : 0;
        for (size_t k = 0; k < obstacles.size(); ++k)
            n += convexOverlap(p, obstacles[k]) ? (k < hard ? 4 : 8) : 0;
        return n;
    };
    const qreal w = box.width();
    const qreal c0 = QPointF::dotProduct(place.centre - s, u);
    // Off the line, a label may run beside its own head (which is no wider than the label's gap).
    // A segment lost (or still on its way) was going to the other lifeline: its label may run on
    // past the cross (or the open end) along that way, where nothing else of it is drawn.
    const qreal way = a.end == DiagramLayout::ArrowEnd::Dropped || a.end == DiagramLayout::ArrowEnd::InFlight
        ? std::abs(right - left) / std::max(1e-6, std::abs(u.x()))
        : len;
    const qreal cMin = w / 2 + 0.3 * lh, cMax = std::min(way, 2 * len) - w / 2 - 0.3 * lh;
    const qreal step = 0.3 * lh;
    // Along the line from where it starts, towards the sender first, then to both ends of its room;
    // then lifted further above the line; then under it (not with a detail line there).
    std::vector<qreal> lifts {0.0, 0.6 * lh, 1.2 * lh};
    if (arrowText(index).detail.isEmpty()) {
        const qreal under = 2 * kLabelBaseline * lh - m_ascent + m_descent - 1.0;
        lifts.insert(lifts.end(), {under, under - 0.6 * lh});
    }
    lifts.push_back(1.8 * lh);
    int fewest = std::numeric_limits<int>::max();
    LabelPlace best = place;
    const auto tryAt = [&](qreal c, qreal lift) {
        const int n = covered(at(c, lift));
        if (n < fewest) {
            fewest = n;
            best = {s + u * c, lift};
        }
        return n == 0;
    };
    const auto search = [&] {
        for (const qreal lift : lifts) {
            if (tryAt(c0, lift)) return;
            for (int k = 1;; ++k) {
                bool tried = false;
                for (const int sign : {-1, 1}) {
                    const qreal c = c0 + sign * k * step;
                    if (c < cMin || c > cMax) continue;
                    tried = true;
                    if (tryAt(c, lift)) return;
                }
                if (!tried) break;
            }
            if (cMin <= cMax && (tryAt(cMin, lift) || tryAt(cMax, lift))) return;
        }
    };
    search();
    if (fewest > 0) {
        // A crowd of steep arrows crossing on a few rows: further off the line, above and under it
        // (the label still runs along its own arrow, which stays the nearest to it).
        lifts.clear();
        for (qreal k = 2.4; k <= 4.2; k += 0.6)
            lifts.insert(lifts.end(), {k * lh, -(k - 1.2) * lh});
        search();
    }
    // Nowhere free: where it covers the fewest.
    return best;
}

QTransform DiagramRenderer::besideWire(const DiagramLayout::Arrow &a, QPointF start, qreal textWidth) const
{
    // A late copy starts on the wire, where it waited, half an arrow or none long: its text reads
    // level beside that point on the sender's side, which the copy left long before, clear of
    // the labels of what is in flight towards the sender.
    const qreal lh = m_layout.metrics().lineHeight;
    const qreal away = a.sender == Side::Client ? -1 : 1;
    QTransform t;
    t.translate(start.x() + away * (0.7 * lh + textWidth / 2), start.y() + (0.3 - kLabelBaseline) * lh);
    return t;
}

QRectF DiagramRenderer::labelRect(qsizetype index) const
{
    // The text's box above the line, and the detail's under it.
    const qreal lh = m_layout.metrics().lineHeight;
    const Text &t = arrowText(index);
    const QRectF text(-t.width / 2, kLabelBaseline * lh - m_ascent, t.width, m_ascent + m_descent);
    if (t.detail.isEmpty()) return text;
    return text.united(
        QRectF(-t.detailWidth / 2, 0.95 * lh - m_smallAscent, t.detailWidth, m_smallAscent + m_smallDescent));
}

QPolygonF DiagramRenderer::labelArea(qsizetype index) const
{
    return labelTransform(index).map(QPolygonF(labelRect(index)));
}

void DiagramRenderer::paintArrow(QPainter *painter, qsizetype index, int revealedUpTo, const Overlay &overlay,
                                 bool selected) const
{
    const DiagramLayout::Arrow &a = m_layout.arrow(index);
    const Event &send = m_trace.at(m_trace.sendIndexOf(a.sendEvent));
    const ArrowStyle style = styleOf(send.flags, send.length);
    const QPointF s = m_layout.arrowStart(a);
    const DiagramLayout::ArrowEnd kind = m_layout.arrowEndKind(a, revealedUpTo);
    const bool hiddenEnd = kind == DiagramLayout::ArrowEnd::InFlight && a.end != DiagramLayout::ArrowEnd::InFlight;
    const QPointF e = hiddenEnd ? flightPointOf(index) : m_layout.arrowEnd(a, revealedUpTo);
    const QColor &color = m_arrowPen[int(style)].color();
    const qreal lh = m_layout.metrics().lineHeight;
    ++m_stats.arrows;

    if (selected) {
        painter->setPen(m_selectionPen);
        painter->drawLine(s, e);
    }
    // An open circle at an arrow's end that has not arrived: in flight, or held on the wire.
    const auto openEnd = [&](QPointF at, const char *mark) {
        painter->setPen(QPen(color, 1.5));
        painter->setBrush(m_palette.background);
        painter->drawEllipse(at, 0.22 * lh, 0.22 * lh);
        painter->setBrush(Qt::NoBrush);
        noteMark(painter,
                 QRectF(at - QPointF(0.22 * lh + 0.75, 0.22 * lh + 0.75), QSizeF(0.44 * lh + 1.5, 0.44 * lh + 1.5)),
                 mark);
    };
    // A late copy: the open end of a held arrow where it waited on the wire (under a drop's cross).
    if (a.late && kind == DiagramLayout::ArrowEnd::Dropped) openEnd(s, "held");
    switch (kind) {
    case DiagramLayout::ArrowEnd::InFlight:
        painter->setPen(m_inFlightPen[int(style)]);
        painter->drawLine(s, e);
        openEnd(e, "in flight");
        if (overlay.pulseSend >= 0 && qsizetype(a.sendEvent) == overlay.pulseSend) {
            // Waiting for the user: a ring that grows and fades around the open end.
            QColor ring = color;
            ring.setAlphaF(0.8 * (1 - overlay.pulse));
            painter->setPen(QPen(ring, 2));
            const qreal r = (0.3 + 0.5 * overlay.pulse) * lh;
            painter->drawEllipse(e, r, r);
        }
        break;
    case DiagramLayout::ArrowEnd::Dropped: {
        painter->setPen(m_arrowPen[int(style)]);
        painter->drawLine(s, e);
        const qreal c = 0.4 * lh;
        painter->setPen(m_dropPen);
        painter->drawLine(e + QPointF(-c, -c), e + QPointF(c, c));
        painter->drawLine(e + QPointF(-c, c), e + QPointF(c, -c));
        noteMark(painter, QRectF(e - QPointF(c + 1.3, c + 1.3), QSizeF(2 * c + 2.6, 2 * c + 2.6)), "drop");
        break;
    }
    case DiagramLayout::ArrowEnd::Delivered:
    case DiagramLayout::ArrowEnd::Fixed: {
        // The line stops where the head begins, so a thick line does not blunt the tip.
        const QLineF line(s, e);
        const qreal len = line.length();
        const QPointF stop = len > 1 ? e + (s - e) * (0.6 * lh / len) : e;
        painter->setPen(m_arrowPen[int(style)]);
        painter->drawLine(s, stop);
        drawHead(painter, e, s, style, color);
        break;
    }
    }
    if (a.late && kind != DiagramLayout::ArrowEnd::Dropped) openEnd(s, "held");

    // The label above the arrow, along it, where labelPlaceOf() found room for it on the whole
    // arrow: it does not move when the segment arrives (on its way, the arrow is drawn half of it).
    // Predict mode: the arrow is there, its label is the question.
    const bool question = overlay.questionFromRow >= 0 && a.startRow >= overlay.questionFromRow;
    const Text &t = question ? m_questionText : arrowText(index);
    const QTransform base = painter->transform();
    painter->setTransform(a.late ? besideWire(a, s, t.width) * base : labelTransform(index) * base);
    painter->setFont(m_font);
    painter->setPen(m_textPen);
    drawText(painter, QPointF(-t.width / 2, kLabelBaseline * lh), t.text);
    if (!t.detail.isEmpty()) {
        painter->setFont(m_smallFont);
        painter->setPen(m_mutedPen);
        drawText(painter, QPointF(-t.detailWidth / 2, 0.95 * lh), t.detail);
    }
    painter->setTransform(base);

    if (overlay.markerArrow == index && kind != DiagramLayout::ArrowEnd::InFlight) {
        const QPointF p = s + (e - s) * std::clamp(overlay.markerProgress, 0.0, 1.0);
        painter->setPen(QPen(m_palette.text, 1.2));
        painter->setBrush(m_palette.marker);
        painter->drawEllipse(p, 0.38 * lh, 0.38 * lh);
        painter->setBrush(Qt::NoBrush);
    }
}

void DiagramRenderer::paintBox(QPainter *painter, qsizetype index, int revealedUpTo, int lastRow, bool selected) const
{
    const DiagramLayout::Box &b = m_layout.box(index);
    const qreal lh = m_layout.metrics().lineHeight;
    const bool returned = b.endRow >= 0 && (revealedUpTo < 0 || b.endRow <= revealedUpTo);
    const int endRow = returned ? b.endRow : lastRow;
    const qreal x = m_layout.columnX(b.side, DiagramLayout::Column::App);
    const qreal w = m_layout.boxWidth();
    const QRectF r(QPointF(x - w / 2, m_layout.rowY(b.startRow) - 0.6 * lh),
                   QPointF(x + w / 2, m_layout.rowY(endRow) + 0.6 * lh));
    ++m_stats.boxes;
    if (selected) painter->fillRect(r.adjusted(-4, -4, 4, 4), m_palette.selection);
    painter->setPen(returned ? m_boxPen : QPen(m_palette.boxBorder, 1.2, Qt::DashLine));
    painter->setBrush(m_palette.boxFill);
    painter->drawRect(r);
    painter->setBrush(Qt::NoBrush);
    noteMark(painter, r.adjusted(-0.6, -0.6, 0.6, 0.6), "box");

    // Text outside the box: left of the client's, right of the server's.
    const bool oneRow = returned && b.endRow == b.startRow;
    const qsizetype key = b.callEvent != DiagramLayout::kNone ? qsizetype(b.callEvent) : qsizetype(b.returnEvent);
    // Keyed by the call, with the blocked/returned shape in the key's sign, since the text differs.
    const qsizetype cacheKey = (key << 2) | (oneRow ? 1 : 0) | (returned ? 2 : 0);
    auto it = m_eventTexts.constFind(-1 - cacheKey);
    if (it == m_eventTexts.cend()) {
        ++m_stats.labelsFormatted;
        Text t = makeCallText(index, oneRow);
        const QFontMetricsF fm(m_font);
        t.width = fm.horizontalAdvance(t.text);
        if (!returned) t.detail.clear();
        t.detailWidth = fm.horizontalAdvance(t.detail);
        it = m_eventTexts.insert(-1 - cacheKey, t);
    }
    const Text &t = *it;
    const qreal edge = m_layout.appTextEdge(b.side);
    const bool client = b.side == Side::Client;
    painter->setFont(m_font);
    painter->setPen(m_textPen);
    const qreal baseline = 0.32 * lh;
    if (!t.text.isEmpty()) {
        const qreal y = m_layout.rowY(b.startRow) + baseline;
        drawText(painter, QPointF(client ? edge - t.width : edge, y), t.text);
    }
    // A failed call: the errno is half the lesson, so it is marked as well as written, after the
    // line that says how the call returned (its own row, or the call's one row).
    const bool failed =
        returned && b.returnEvent != DiagramLayout::kNone && m_trace.callRecord(m_trace.at(b.returnEvent)).err;
    qreal failedWidth = t.width;
    int failedRow = b.startRow;
    if (!t.detail.isEmpty()) {
        painter->setPen(failed ? m_errorPen : m_textPen);
        const qreal y = m_layout.rowY(b.endRow) + baseline;
        drawText(painter, QPointF(client ? edge - t.detailWidth : edge, y), t.detail);
        failedWidth = t.detailWidth;
        failedRow = b.endRow;
    } else if (!oneRow) {
        return;
    }
    if (failed) {
        painter->setPen(m_errorPen);
        drawText(painter,
                 QPointF(client ? edge - failedWidth - 0.4 * lh - m_failMarkWidth : edge + failedWidth + 0.4 * lh,
                         m_layout.rowY(failedRow) + baseline),
                 u"✗"_s);
    }
}

void DiagramRenderer::paintMark(QPainter *painter, qsizetype index, bool selected) const
{
    const DiagramLayout::Mark &m = m_layout.mark(index);
    const Event &e = m_trace.at(m.event);
    const qreal lh = m_layout.metrics().lineHeight;
    const qreal y = m_layout.rowY(m.row);
    const bool client = e.side == Side::Client;
    if (e.kind == EventKind::State) {
        const bool inferred = e.marks & EventMark::Inferred;
        const int state = e.flags <= 10 ? int(e.flags) : 0;
        const QString &name = (inferred ? m_inferredStateNames : m_stateNames)[state];
        painter->setFont(inferred ? m_italicFont : m_boldFont);
        painter->setPen(inferred ? m_mutedPen : m_textPen);
        const qreal tcp = m_layout.columnX(e.side, DiagramLayout::Column::Tcp);
        // Clear of a timer bar beside the lifeline (0.6 characters out), as a timer's text is.
        const qreal gap = 1.2 * m_layout.metrics().charWidth;
        // States sit beside their TCP lifeline, below the row's line so an arrow leaving there stays clear.
        const QRectF r = client ? QRectF(tcp - gap - 16 * lh, y - 0.5 * lh, 16 * lh, lh)
                                : QRectF(tcp + gap, y - 0.5 * lh, 16 * lh, lh);
        if (selected) painter->fillRect(r, m_palette.selection);
        drawText(painter, r, (client ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, name);
        return;
    }
    // A Qt signal: a small diamond on the app line, its name beside it.
    const qreal x = m_layout.columnX(e.side, DiagramLayout::Column::App);
    const qreal d = 0.3 * lh;
    const QPointF pts[4] = {{x, y - d}, {x + d, y}, {x, y + d}, {x - d, y}};
    painter->setPen(QPen(m_palette.text, 1));
    painter->setBrush(selected ? m_palette.marker : m_palette.boxBorder);
    painter->drawPolygon(pts, 4);
    painter->setBrush(Qt::NoBrush);
    noteMark(painter, QPolygonF({pts[0], pts[1], pts[2], pts[3]}), "signal");
    const Text &t = eventText(m.event);
    painter->setFont(m_smallFont);
    painter->setPen(m_mutedPen);
    const qreal edge = m_layout.appTextEdge(e.side);
    drawText(painter, QPointF(client ? edge - t.width : edge, y + 0.3 * lh), t.text);
}

void DiagramRenderer::paintTimer(QPainter *painter, qsizetype index, int revealedUpTo, int lastRow, qint64 nowNs) const
{
    const DiagramLayout::TimerSpan &span = m_layout.timer(index);
    const Event &e = m_trace.at(span.event);
    const auto story = m_timerStories.constFind(qsizetype(span.event));
    // The bar ends where the kernel cancelled the timer, if that was before the probe saw it go.
    int stopRow = span.endRow;
    if (story != m_timerStories.cend() && story->endEvent >= 0) {
        const int r = m_layout.rowOfEvent(story->endEvent);
        stopRow = stopRow < 0 ? r : std::min(stopRow, r);
    }
    const bool running = stopRow < 0 || (revealedUpTo >= 0 && stopRow > revealedUpTo);
    const int endRow = running ? lastRow : stopRow;
    const qreal lh = m_layout.metrics().lineHeight;
    const qreal cw = m_layout.metrics().charWidth;
    const bool client = e.side == Side::Client;
    // A bar just outside the TCP lifeline for as long as the timer is armed.
    const qreal x = m_layout.columnX(e.side, DiagramLayout::Column::Tcp) + (client ? -0.6 : 0.6) * cw;
    const qreal y0 = m_layout.rowY(span.startRow) + 0.55 * lh;
    const qreal y1 = std::max(y0 + 0.8 * lh, m_layout.rowY(endRow) + (running ? 0.9 * lh : 0.0));
    painter->setPen(m_timerPen);
    painter->drawLine(QPointF(x, y0), QPointF(x, y1));
    noteMark(painter, QRectF(QPointF(x - 1.5, y0), QPointF(x + 1.5, y1)), "timer");
    const Text &t = eventText(span.event);
    QString when = t.detail;
    if (running && nowNs >= 0) // a countdown while the kernel's timer runs
        when = durationText((qint64(e.seq) * 1'000'000 - (nowNs - e.tNs)) / 1'000'000);
    painter->setFont(m_smallFont);
    painter->setPen(m_mutedPen);
    const QFontMetricsF fm(m_smallFont);
    // One line each, in the state lane (as wide as the widest timer text needs), at the line
    // placeTimerTexts() found free of the states and the other timers' texts.
    const auto write = [&](qreal y, const QString &name, const QString &time) {
        const QString whole = time.isEmpty() ? name : name + u' ' + time;
        const qreal w = fm.horizontalAdvance(whole);
        drawText(painter, QPointF(client ? x - 0.6 * cw - w : x + 0.6 * cw, y), whole);
    };
    if (story == m_timerStories.cend()) {
        write(y0 + 0.75 * lh, t.text, when);
        return;
    }
    write(story->y, t.text, when);
    // Notes along the bar, at their rows, each with a tick across it, the text under it.
    for (size_t k = 0; k < story->notes.size(); ++k) {
        const TimerNote &n = story->notes[k];
        const int row = m_layout.rowOfEvent(n.event);
        if (row > endRow || (revealedUpTo >= 0 && row > revealedUpTo) || k >= story->noteY.size()) break;
        const qreal yTick = std::clamp(m_layout.rowY(row) + 0.55 * lh, y0, y1);
        painter->setPen(m_timerPen);
        painter->drawLine(QPointF(x - 0.5 * cw, yTick), QPointF(x + 0.5 * cw, yTick));
        noteMark(painter, QRectF(QPointF(x - 0.5 * cw, yTick - 1.5), QPointF(x + 0.5 * cw, yTick + 1.5)), "tick");
        painter->setPen(m_mutedPen);
        const qreal y = story->noteY[k];
        QString time;
        if (n.ms) {
            // Only the latest restart counts down; an earlier one was overtaken by it.
            const bool latest = &n == &story->notes.back();
            time = running && latest && nowNs >= 0
                ? durationText((qint64(n.ms) * 1'000'000 - (nowNs - m_trace.at(n.event).tNs)) / 1'000'000)
                : durationText(n.ms);
        }
        write(y, n.text, time);
    }
}

void DiagramRenderer::paintArea(QPainter *painter, const QRectF &clip, int revealedUpTo, const Overlay &overlay) const
{
    const int rows = m_layout.rowCount();
    if (rows == 0) return;
    const qreal lh = m_layout.metrics().lineHeight;
    // Rows whose drawings can reach into the clip: a label or a short arrow reaches a row beyond, a
    // label lifted clear of others or a timer's text moved down a little further.
    const qreal reach = 2.5 * m_layout.rowHeight();
    const int first = m_layout.rowAt(clip.top() - reach);
    int last = m_layout.rowAt(clip.bottom() + reach);
    if (revealedUpTo >= 0) last = std::min(last, revealedUpTo);
    const int lastShown = revealedUpTo >= 0 ? std::min(revealedUpTo, rows - 1) : rows - 1;
    m_stats.rows += std::max(0, last - first + 1);

    // Lifelines run to the last shown row.
    const qreal top = std::max(clip.top(), m_layout.headerHeight() - 0.5 * lh);
    const qreal bottom = std::min(clip.bottom(), m_layout.rowY(lastShown) + m_layout.rowHeight());
    if (bottom > top) {
        for (int s = 0; s < 2; ++s) {
            const qreal app = m_layout.columnX(Side(s), DiagramLayout::Column::App);
            const qreal tcp = m_layout.columnX(Side(s), DiagramLayout::Column::Tcp);
            painter->setPen(m_appLinePen);
            painter->drawLine(QPointF(app, top), QPointF(app, bottom));
            painter->setPen(m_tcpLinePen);
            painter->drawLine(QPointF(tcp, top), QPointF(tcp, bottom));
        }
    }
    if (first > last) return;

    const qsizetype selectedArrow = m_layout.arrowOfEvent(overlay.selectedEvent);
    const qsizetype selectedBox = m_layout.boxOfEvent(overlay.selectedEvent);
    auto fade = [&](int row) {
        painter->setOpacity(row >= overlay.fadeFromStep && overlay.fadeFromStep >= 0 ? overlay.fadeOpacity : 1.0);
    };

    m_layout.forEachBox(first, last, [&](qsizetype i) {
        const int start = m_layout.box(i).startRow;
        if (revealedUpTo >= 0 && start > revealedUpTo) return;
        fade(start);
        paintBox(painter, i, revealedUpTo, lastShown, i == selectedBox);
    });
    m_layout.forEachTimer(first, last, [&](qsizetype i) {
        const int start = m_layout.timer(i).startRow;
        if (revealedUpTo >= 0 && start > revealedUpTo) return;
        fade(start);
        paintTimer(painter, i, revealedUpTo, lastShown, overlay.nowNs);
    });
    m_layout.forEachMark(first, last, [&](qsizetype i) {
        fade(m_layout.mark(i).row);
        paintMark(painter, i, qsizetype(m_layout.mark(i).event) == overlay.selectedEvent);
    });
    painter->setOpacity(1.0);
    m_layout.forEachArrow(first, last, [&](qsizetype i) {
        if (revealedUpTo >= 0 && m_layout.arrow(i).startRow > revealedUpTo) return;
        paintArrow(painter, i, revealedUpTo, overlay, i == selectedArrow);
    });
}

qsizetype DiagramRenderer::eventAt(QPointF p) const
{
    if (m_layout.rowCount() == 0 || p.y() < m_layout.headerHeight()) return -1;
    const int row = m_layout.rowAt(p.y());
    const int first = std::max(0, row - 2);
    const int last = row + 2;
    qsizetype found = -1;
    qreal best = 8; // px: close enough to pick
    m_layout.forEachArrow(first, last, [&](qsizetype i) {
        const DiagramLayout::Arrow &a = m_layout.arrow(i);
        const QPointF s = m_layout.arrowStart(a);
        const QPointF e = m_layout.arrowEnd(a);
        const QPointF d = e - s;
        const qreal len2 = QPointF::dotProduct(d, d);
        const qreal t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - s, d) / len2, 0.0, 1.0) : 0.0;
        const qreal dist = QLineF(p, s + d * t).length();
        const qreal score = labelArea(i).containsPoint(p, Qt::OddEvenFill) ? 0 : dist;
        if (score < best) {
            best = score;
            // A copy's or a late copy's own story is its arrival (its Send is drawn elsewhere).
            found = (a.copy || a.late) && a.endEvent != DiagramLayout::kNone ? qsizetype(a.endEvent)
                                                                             : qsizetype(a.sendEvent);
        }
    });
    if (found >= 0) return found;
    const qreal lh = m_layout.metrics().lineHeight;
    m_layout.forEachBox(first, last, [&](qsizetype i) {
        const DiagramLayout::Box &b = m_layout.box(i);
        const qreal x = m_layout.columnX(b.side, DiagramLayout::Column::App);
        const int end = b.endRow < 0 ? m_layout.rowCount() - 1 : b.endRow;
        // The box and its text.
        const qreal left = b.side == Side::Client ? 0 : x - m_layout.boxWidth();
        const qreal right = b.side == Side::Client ? x + m_layout.boxWidth() : m_layout.width();
        const QRectF r(QPointF(left, m_layout.rowY(b.startRow) - 0.6 * lh),
                       QPointF(right, m_layout.rowY(end) + 0.6 * lh));
        if (r.contains(p)
            && (std::abs(p.x() - x) < m_layout.boxWidth() || std::abs(p.y() - m_layout.rowY(b.startRow)) < 0.6 * lh
                || std::abs(p.y() - m_layout.rowY(end)) < 0.6 * lh))
            found = b.callEvent != DiagramLayout::kNone ? qsizetype(b.callEvent) : qsizetype(b.returnEvent);
    });
    if (found >= 0) return found;
    m_layout.forEachMark(row, row, [&](qsizetype i) {
        const DiagramLayout::Mark &m = m_layout.mark(i);
        const Event &e = m_trace.at(m.event);
        const qreal tcp = m_layout.columnX(e.side, DiagramLayout::Column::Tcp);
        const qreal app = m_layout.columnX(e.side, DiagramLayout::Column::App);
        if (std::abs(p.y() - m_layout.rowY(m.row)) < 0.6 * lh && p.x() >= std::min(tcp, app)
            && p.x() <= std::max(tcp, app))
            found = m.event;
    });
    return found;
}
