// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every layer knows of the lab's two hosts: their addresses, and which sysctls a host may set
// and to what. One set of rules for the scenario file's check when it is read, for the app
// (Lab::setSysctl) and for synscope-lab-helper, which checks again before it writes. It lives below
// the lab so a scenario can be read where no lab is built; plain C++ without Qt, like
// lab/helperprotocol.h, since the helper links no Qt.
//
// A name is net.ipv4.tcp_<word> or net.core.<word>, a word being [a-z0-9_]+ (so never a path out
// of /proc/sys/net, never a second dot). A value is one or more integers, each an optional '-'
// and digits, separated by single spaces. Nothing else: no trailing newline or space (which a
// regex '$' would let through), no '+', no empty value. Both fit the request's 64-byte fields.

#include <cstddef>
#include <string_view>

namespace labproto {

constexpr const char kClientAddress[] = "10.0.0.1";
constexpr const char kServerAddress[] = "10.0.0.2";
// The IPv6 lab: unique local addresses (RFC 4193's fd00::/8) in one /64, so never routable outside.
constexpr const char kClientAddress6[] = "fd00::1";
constexpr const char kServerAddress6[] = "fd00::2";
constexpr int kPrefixLength6 = 64;
// The IPv6 lab's link MTU: IPv6's header is 20 bytes longer than IPv4's, so 20 bytes more MTU give a
// segment the same MSS (1460) as the IPv4 lab's 1500: the same write makes the same segments, with
// the same sequence numbers, over either family.
constexpr int kMtu6 = 1520;

// The address of the client's or the server's host in a lab of IP version 4 or 6.
constexpr const char *hostAddress(int ipVersion, bool client)
{
    if (ipVersion == 6) return client ? kClientAddress6 : kServerAddress6;
    return client ? kClientAddress : kServerAddress;
}

constexpr std::size_t kMaxSysctlLength = 63; // Request::name and Request::value, NUL included

constexpr bool isSysctlWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

constexpr bool isSettableSysctlName(std::string_view name)
{
    if (name.size() > kMaxSysctlLength) return false;
    std::string_view word;
    if (name.substr(0, 13) == "net.ipv4.tcp_")
        word = name.substr(13);
    else if (name.substr(0, 9) == "net.core.")
        word = name.substr(9);
    else
        return false;
    if (word.empty()) return false;
    for (char c : word) {
        if (!isSysctlWordChar(c)) return false;
    }
    return true;
}

constexpr bool isSettableSysctlValue(std::string_view value)
{
    if (value.empty() || value.size() > kMaxSysctlLength) return false;
    bool digits = false; // the current integer has a digit
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '-') {
            if (i > 0 && value[i - 1] != ' ') return false; // '-' only starts an integer
        } else if (c == ' ') {
            if (!digits) return false; // a space ends an integer that has digits
            digits = false;
        } else {
            return false;
        }
    }
    return digits;
}

// A setting that a kernel without it already behaves as: older kernels have no linear SYN timeouts
// (net.ipv4.tcp_syn_linear_timeouts came with Linux 6.5), so turning them off there is a no-op.
// A scenario that sets one of these runs the same story on a kernel that lacks the sysctl.
constexpr bool isMissingSysctlSameAs(std::string_view name, std::string_view value)
{
    return name == "net.ipv4.tcp_syn_linear_timeouts" && value == "0";
}

} // namespace labproto
