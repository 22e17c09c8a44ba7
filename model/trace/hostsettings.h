// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The TCP settings of a lab host that SynScope knows by name: one table for the scenario format
// (which checks a file's values against it when the file is read), the host settings panel (which
// lists the entries marked for it, with their names, limits and help) and the trace (which records
// each change by its key). A key is the sysctl ("net.ipv4.tcp_sack") or "quickack", the route
// metric that stops the host's kernel from delaying ACKs (TCP_QUICKACK on a socket is one-shot, so
// a host's setting is its route's).
//
// The limits are the table's, sometimes narrower than the kernel's (tcp_sack takes 0 to 255; every
// value but 0 means on, so the table takes 0 and 1). Other net.ipv4.tcp_* and net.core.* sysctls
// stay settable under the lab's own rules (labhosts.h): the kernel checks them.

#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <span>

struct HostSettingChange;

struct HostSetting {
    enum class Type : quint8 {
        OnOff, // 0 or 1
        Choice, // 0 … max, each value with a name (choices)
        Integer, // one integer from min to max
        Triple, // three integers from min to max in a string: "min default max" (tcp_rmem, tcp_wmem)
        Route, // the route metric quickack: true or false in a file, "1" or "0" in a trace
    };
    const char *key; // "net.ipv4.tcp_sack", "quickack"
    Type type;
    qint64 min;
    qint64 max;
    // What a new lab host has before anything is set (Linux's default in a new namespace, or what
    // synscope-lab-helper sets when it makes the host); nullptr where it is the machine's (a new
    // namespace copies tcp_rmem and tcp_wmem from the machine's own).
    const char *labDefault;
    const char *name; // for the user, translated in context "HostSettings": "SACK"
    const char *help; // one or two sentences: what it changes on the wire
    const char *unit; // "s", "bytes", or nullptr
    const char *choices[3]; // Choice: the names of 0, 1, 2
    bool inPanel; // listed in the host settings panel (the rest are for scenario files)

    QString displayName() const;
    QString helpText() const;
    // "on"/"off", a choice's name, or the value with its unit: "7200 s".
    QString valueText(const QString &value) const;
};

namespace HostSettings {
std::span<const HostSetting> all();
// The entry of a key; nullptr for a key the table does not know.
const HostSetting *find(QStringView key);
// Whether `value` (as a trace or the helper writes it: "0", "4096 131072 6291456") fits the entry.
bool fits(const HostSetting &setting, QStringView value);
// What fits, for a message: "0 (off) or 1 (on)", "an integer from 1 to 127".
QString expectedText(const HostSetting &setting);
// "SACK" for a known key, else the key itself.
QString displayName(QStringView key);
QString valueText(QStringView key, const QString &value);
// "SACK (net.ipv4.tcp_sack) on → off": which setting, from what to what.
QString changeText(const HostSettingChange &change);
constexpr const char kQuickAck[] = "quickack";
} // namespace HostSettings
