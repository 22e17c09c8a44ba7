// SPDX-License-Identifier: GPL-3.0-or-later
#include "event.h"

#include "tcpsegment.h"

#include <QCoreApplication>
#include <QStringList>
#include <array>

namespace {
const std::array<const char *, 10> kKindNames {"call", "return",    "signal", "send",  "deliver",
                                               "drop", "duplicate", "state",  "timer", "queues"};
const std::array<const char *, 11> kStateNames {"CLOSED",      "LISTEN",     "SYN_SENT",   "SYN_RCVD",
                                                "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT",
                                                "CLOSING",     "LAST_ACK",   "TIME_WAIT"};
const std::array<const char *, 5> kTimerNames {"none", "retransmit", "keepalive", "time_wait", "zero_window_probe"};
// In the order TCP's own display uses (tcpdump, Wireshark): SYN first, ACK last.
const std::array<std::pair<quint8, const char *>, 8> kFlagNames {{{TcpFlag::Syn, "SYN"},
                                                                  {TcpFlag::Fin, "FIN"},
                                                                  {TcpFlag::Rst, "RST"},
                                                                  {TcpFlag::Psh, "PSH"},
                                                                  {TcpFlag::Urg, "URG"},
                                                                  {TcpFlag::Ece, "ECE"},
                                                                  {TcpFlag::Cwr, "CWR"},
                                                                  {TcpFlag::Ack, "ACK"}}};

template<size_t N, typename E>
bool fromName(const std::array<const char *, N> &names, const QString &name, E &out)
{
    for (size_t i = 0; i < N; ++i) {
        if (name == QLatin1StringView(names[i])) {
            out = E(i);
            return true;
        }
    }
    return false;
}
} // namespace

QString sideName(Side side)
{
    return side == Side::Client ? QStringLiteral("client") : QStringLiteral("server");
}
QString sideText(Side side)
{
    return side == Side::Client ? QCoreApplication::translate("Side", "client")
                                : QCoreApplication::translate("Side", "server");
}
QString eventKindName(EventKind kind)
{
    return QString::fromLatin1(kKindNames.at(size_t(kind)));
}
QString tcpStateName(TcpState state)
{
    return QString::fromLatin1(kStateNames.at(size_t(state)));
}
QString timerKindName(TimerKind kind)
{
    return QString::fromLatin1(kTimerNames.at(size_t(kind)));
}

QStringList tcpFlagNames(quint8 flags)
{
    QStringList names;
    for (const auto &[bit, name] : kFlagNames) {
        if (flags & bit) names << QString::fromLatin1(name);
    }
    return names;
}

QString tcpFlagsText(quint8 flags)
{
    return tcpFlagNames(flags).join(QStringLiteral(", "));
}

bool eventKindFromName(const QString &name, EventKind &kind)
{
    return fromName(kKindNames, name, kind);
}
bool tcpStateFromName(const QString &name, TcpState &state)
{
    return fromName(kStateNames, name, state);
}
bool timerKindFromName(const QString &name, TimerKind &kind)
{
    return fromName(kTimerNames, name, kind);
}

bool sideFromName(const QString &name, Side &side)
{
    if (name == u"client")
        side = Side::Client;
    else if (name == u"server")
        side = Side::Server;
    else
        return false;
    return true;
}

bool tcpFlagFromName(const QString &name, quint8 &flag)
{
    for (const auto &[bit, n] : kFlagNames) {
        if (name == QLatin1StringView(n)) {
            flag = bit;
            return true;
        }
    }
    return false;
}
