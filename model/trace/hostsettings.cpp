// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostsettings.h"

#include "trace.h"

#include <QCoreApplication>
#include <QStringList>
#include <array>
#include <limits>

namespace {

using T = HostSetting::Type;
constexpr qint64 kIntMax = std::numeric_limits<qint32>::max();

// A seconds setting the kernel keeps in jiffies takes at most INT_MAX / HZ (HZ is up to 1000).
// Limits from Linux's net/ipv4/sysctl_net_ipv4.c and include/net/tcp.h (6.1 to 6.18), where the
// table does not narrow them on purpose; defaults as a new network namespace has them.
// clang-format off
constexpr std::array kSettings {
    HostSetting {"net.ipv4.tcp_sack", T::OnOff, 0, 1, "1",
        QT_TRANSLATE_NOOP("HostSettings", "SACK"),
        QT_TRANSLATE_NOOP("HostSettings", "Selective acknowledgments: the SYN offers SACK-permitted, and the receiver "
                                          "reports the blocks it holds beyond a hole."),
        nullptr, {}, true},
    HostSetting {"net.ipv4.tcp_timestamps", T::Choice, 0, 2, "1",
        QT_TRANSLATE_NOOP("HostSettings", "Timestamps"),
        QT_TRANSLATE_NOOP("HostSettings", "The TS option on every segment (RFC 7323): round-trip times and protection "
                                          "against wrapped sequence numbers. 2: without a random offset per connection."),
        nullptr, {QT_TRANSLATE_NOOP("HostSettings", "off"), QT_TRANSLATE_NOOP("HostSettings", "on"),
                  QT_TRANSLATE_NOOP("HostSettings", "on, no random offset")}, true},
    HostSetting {"net.ipv4.tcp_window_scaling", T::OnOff, 0, 1, "1",
        QT_TRANSLATE_NOOP("HostSettings", "Window scaling"),
        QT_TRANSLATE_NOOP("HostSettings", "The WS option in the SYN: windows above 64 KiB. Both SYNs must carry it, or "
                                          "neither side scales."),
        nullptr, {}, true},
    HostSetting {"net.ipv4.tcp_ecn", T::Choice, 0, 2, "2",
        QT_TRANSLATE_NOOP("HostSettings", "ECN"),
        QT_TRANSLATE_NOOP("HostSettings", "Explicit congestion notification: 1 asks for it in the SYN (ECE and CWR), "
                                          "2 agrees only when the peer asks (Linux's default)."),
        nullptr, {QT_TRANSLATE_NOOP("HostSettings", "off"), QT_TRANSLATE_NOOP("HostSettings", "ask and accept"),
                  QT_TRANSLATE_NOOP("HostSettings", "accept when asked")}, true},
    HostSetting {"net.ipv4.tcp_fastopen", T::Integer, 0, 0xfff, "1",
        QT_TRANSLATE_NOOP("HostSettings", "TCP Fast Open"),
        QT_TRANSLATE_NOOP("HostSettings", "Data in the SYN (RFC 7413), bits: 1 client, 2 server, 4 client without a "
                                          "cookie, 512 server without a cookie. The client must send with MSG_FASTOPEN."),
        nullptr, {}, true},
    HostSetting {"net.ipv4.tcp_syncookies", T::Choice, 0, 2, "1",
        QT_TRANSLATE_NOOP("HostSettings", "SYN cookies"),
        QT_TRANSLATE_NOOP("HostSettings", "When the SYN queue is full, answer with a SYN+ACK whose sequence number "
                                          "encodes the connection, and keep nothing."),
        nullptr, {QT_TRANSLATE_NOOP("HostSettings", "off"), QT_TRANSLATE_NOOP("HostSettings", "when the queue is full"),
                  QT_TRANSLATE_NOOP("HostSettings", "always")}, true},
    HostSetting {"net.core.somaxconn", T::Integer, 0, kIntMax, "4096",
        QT_TRANSLATE_NOOP("HostSettings", "Listen backlog limit"),
        QT_TRANSLATE_NOOP("HostSettings", "The largest accept queue listen() may ask for (somaxconn); a larger "
                                          "backlog is cut to it."),
        nullptr, {}, true},
    HostSetting {"net.ipv4.tcp_rmem", T::Triple, 1, kIntMax, nullptr,
        QT_TRANSLATE_NOOP("HostSettings", "Receive buffer"),
        QT_TRANSLATE_NOOP("HostSettings", "Bytes of receive buffer: least, first and most (the window a host "
                                          "announces grows from the first)."),
        QT_TRANSLATE_NOOP("HostSettings", "bytes"), {}, true},
    HostSetting {"net.ipv4.tcp_wmem", T::Triple, 1, kIntMax, nullptr,
        QT_TRANSLATE_NOOP("HostSettings", "Send buffer"),
        QT_TRANSLATE_NOOP("HostSettings", "Bytes of send buffer: least, first and most (how much write() may hand the "
                                          "kernel before it blocks)."),
        QT_TRANSLATE_NOOP("HostSettings", "bytes"), {}, true},
    // synscope-lab-helper raises both retry counts in a new host, so a paused lecture does not end
    // in ETIMEDOUT (Linux's defaults are 6 and 5).
    HostSetting {"net.ipv4.tcp_syn_retries", T::Integer, 1, 127, "20",
        QT_TRANSLATE_NOOP("HostSettings", "SYN retries"),
        QT_TRANSLATE_NOOP("HostSettings", "How often connect() resends its SYN before it fails with ETIMEDOUT."),
        nullptr, {}, true},
    HostSetting {"net.ipv4.tcp_synack_retries", T::Integer, 0, 255, "20",
        QT_TRANSLATE_NOOP("HostSettings", "SYN+ACK retries"),
        QT_TRANSLATE_NOOP("HostSettings", "How often a listener resends its SYN+ACK before it forgets the half-open "
                                          "connection."),
        nullptr, {}, true},
    HostSetting {"net.ipv4.tcp_keepalive_time", T::Integer, 1, 32767, "7200",
        QT_TRANSLATE_NOOP("HostSettings", "Keep-alive idle time"),
        QT_TRANSLATE_NOOP("HostSettings", "Seconds a connection with SO_KEEPALIVE stays idle before the first probe."),
        QT_TRANSLATE_NOOP("HostSettings", "s"), {}, true},
    HostSetting {"net.ipv4.tcp_keepalive_intvl", T::Integer, 1, 32767, "75",
        QT_TRANSLATE_NOOP("HostSettings", "Keep-alive interval"),
        QT_TRANSLATE_NOOP("HostSettings", "Seconds between keep-alive probes that get no answer."),
        QT_TRANSLATE_NOOP("HostSettings", "s"), {}, true},
    HostSetting {"net.ipv4.tcp_keepalive_probes", T::Integer, 1, 127, "9",
        QT_TRANSLATE_NOOP("HostSettings", "Keep-alive probes"),
        QT_TRANSLATE_NOOP("HostSettings", "Unanswered probes before the connection is dropped (ETIMEDOUT)."),
        nullptr, {}, true},
    HostSetting {HostSettings::kQuickAck, T::Route, 0, 1, "0",
        QT_TRANSLATE_NOOP("HostSettings", "Quick ACKs"),
        QT_TRANSLATE_NOOP("HostSettings", "The quickack metric on the host's route to its peer: every segment is "
                                          "acknowledged at once; no ACK is delayed."),
        nullptr, {}, true},
    // For scenario files: settings a lesson needs to make a story hold on every run.
    HostSetting {"net.ipv4.tcp_early_retrans", T::Integer, 0, 4, "3",
        QT_TRANSLATE_NOOP("HostSettings", "Early retransmit and tail-loss probe"),
        QT_TRANSLATE_NOOP("HostSettings", "3: tail-loss probes on (the lab's microsecond round trip makes one fire "
                                          "whenever data is held); 0: off."),
        nullptr, {}, false},
    HostSetting {"net.ipv4.tcp_rto_min_us", T::Integer, 1, kIntMax, "200000",
        QT_TRANSLATE_NOOP("HostSettings", "Least retransmission timeout"),
        QT_TRANSLATE_NOOP("HostSettings", "The RTO never goes below this (Linux 6.11 and later)."),
        QT_TRANSLATE_NOOP("HostSettings", "µs"), {}, false},
    HostSetting {"net.ipv4.tcp_syn_linear_timeouts", T::Integer, 0, 127, "4",
        QT_TRANSLATE_NOOP("HostSettings", "Linear SYN timeouts"),
        QT_TRANSLATE_NOOP("HostSettings", "The first SYN retries wait 1 s each before the timeout doubles (Linux 6.5 "
                                          "and later)."),
        nullptr, {}, false},
    HostSetting {"net.ipv4.tcp_max_syn_backlog", T::Integer, 0, kIntMax, nullptr,
        QT_TRANSLATE_NOOP("HostSettings", "SYN queue length"),
        QT_TRANSLATE_NOOP("HostSettings", "Half-open connections a listener keeps before SYN cookies answer."),
        nullptr, {}, false},
    HostSetting {"net.ipv4.tcp_dsack", T::OnOff, 0, 1, "1",
        QT_TRANSLATE_NOOP("HostSettings", "D-SACK"),
        QT_TRANSLATE_NOOP("HostSettings", "Report a duplicate segment in a SACK block (RFC 2883)."),
        nullptr, {}, false},
    HostSetting {"net.ipv4.tcp_abort_on_overflow", T::OnOff, 0, 1, "0",
        QT_TRANSLATE_NOOP("HostSettings", "Reset on a full accept queue"),
        QT_TRANSLATE_NOOP("HostSettings", "Answer the handshake's last ACK with RST when the accept queue is full, "
                                          "instead of ignoring it."),
        nullptr, {}, false},
    HostSetting {"net.ipv4.tcp_fin_timeout", T::Integer, 0, kIntMax / 1000, "60",
        QT_TRANSLATE_NOOP("HostSettings", "FIN_WAIT_2 timeout"),
        QT_TRANSLATE_NOOP("HostSettings", "Seconds an orphaned connection stays in FIN_WAIT_2."),
        QT_TRANSLATE_NOOP("HostSettings", "s"), {}, false},
};
// clang-format on

QString tr(const char *text)
{
    return QCoreApplication::translate("HostSettings", text);
}

// Integers separated by single spaces, each within [min, max]; false for anything else.
bool integers(QStringView value, qint64 min, qint64 max, qsizetype count)
{
    const QList<QStringView> parts = value.split(u' ');
    if (parts.size() != count) return false;
    for (QStringView p : parts) {
        bool ok = false;
        const qint64 n = p.toLongLong(&ok);
        // toLongLong() takes a '+' and surrounding blanks: the helper takes neither.
        if (!ok || p.startsWith(u'+') || p.trimmed().size() != p.size() || n < min || n > max) return false;
    }
    return true;
}

} // namespace

QString HostSetting::displayName() const
{
    return tr(name);
}

QString HostSetting::helpText() const
{
    return tr(help);
}

QString HostSetting::valueText(const QString &value) const
{
    switch (type) {
    case Type::OnOff:
    case Type::Route:
        return value == u"0" ? tr("off") : tr("on");
    case Type::Choice: {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (ok && n >= 0 && n < 3 && choices[n]) return tr(choices[n]);
        return value;
    }
    case Type::Integer:
    case Type::Triple:
        return unit ? value + u' ' + tr(unit) : value;
    }
    return value;
}

namespace HostSettings {

std::span<const HostSetting> all()
{
    return kSettings;
}

const HostSetting *find(QStringView key)
{
    for (const HostSetting &s : kSettings) {
        if (key == QLatin1StringView(s.key)) return &s;
    }
    return nullptr;
}

bool fits(const HostSetting &setting, QStringView value)
{
    return integers(value, setting.min, setting.max, setting.type == HostSetting::Type::Triple ? 3 : 1);
}

QString expectedText(const HostSetting &setting)
{
    switch (setting.type) {
    case HostSetting::Type::OnOff:
    case HostSetting::Type::Route:
        return tr("0 (off) or 1 (on)");
    case HostSetting::Type::Choice: {
        QStringList names;
        for (int i = 0; i <= setting.max; ++i)
            names << QStringLiteral("%1 (%2)").arg(i).arg(tr(setting.choices[i]));
        const QString last = names.takeLast();
        return names.join(QStringLiteral(", ")) + tr(" or ") + last;
    }
    case HostSetting::Type::Integer:
        return tr("an integer from %1 to %2").arg(setting.min).arg(setting.max);
    case HostSetting::Type::Triple:
        return tr("three integers from %1 to %2 in a string, such as \"4096 131072 6291456\"")
            .arg(setting.min)
            .arg(setting.max);
    }
    return {};
}

QString displayName(QStringView key)
{
    const HostSetting *s = find(key);
    return s ? s->displayName() : key.toString();
}

QString valueText(QStringView key, const QString &value)
{
    const HostSetting *s = find(key);
    return s ? s->valueText(value) : value;
}

QString changeText(const HostSettingChange &c)
{
    const HostSetting *s = find(c.key);
    const QString from = c.from.isEmpty() ? QStringLiteral("?") : valueText(c.key, c.from);
    const QString name = s ? QStringLiteral("%1 (%2)").arg(s->displayName(), c.key) : c.key;
    return tr("%1 %2 → %3").arg(name, from, valueText(c.key, c.to));
}

} // namespace HostSettings
