// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The wire format between the app and synscope-lab-helper over a SOCK_SEQPACKET socketpair.
// Plain C structs: the helper is a single-threaded program without Qt (unshare(CLONE_NEWUSER)
// fails with EINVAL in a multithreaded process). File descriptors travel with SCM_RIGHTS.

#include "trace/labhosts.h" // the hosts' addresses and sysctl rules

#include <cstdint>

namespace labproto {

constexpr int kHelperFd = 3; // the helper's end of the socketpair, as seen by the helper
constexpr std::uint32_t kVersion = 6;

enum class Host : std::uint32_t { Client = 0, Server = 1 };

enum class Op : std::uint32_t {
    // fresh namespaces over IP version `ipVersion` (4 or 6); the reply carries the client and server
    // TUN fds. A host restarted later keeps its lab's version.
    NewLab = 1,
    // socket(domain, type, protocol) inside a host; the reply carries the fd, and on success a
    // second, empty reply follows once the helper has closed its own copy: from then on the app's
    // close() is the socket's last, the one that makes the kernel send the FIN.
    NewSocket = 2,
    SetSysctl = 3, // writes `value` to the sysctl `name` inside a host (net.ipv4.tcp_* and net.core.* only)
    // value "1" or "0": the host's route to its peer with or without the quickack metric (as `ip
    // route replace … quickack 1`): with it, the host's kernel never delays an ACK.
    SetQuickAck = 4,
    // reads the sysctl `name` inside a host (the same names as SetSysctl); the reply's `value` holds
    // it as SetSysctl would write it: integers separated by single spaces
    GetSysctl = 5,
    // The host "reboots": a fresh namespace in its place, with the same address and the lab's
    // default settings, whose kernel knows nothing of the old one's connections. The reply carries
    // the new TUN fd and the host's new HostInfo in hosts[host]; the old namespace goes once the
    // app has closed its sockets and TUN there.
    RestartHost = 6,
};

struct Request {
    Op op;
    Host host;
    std::int32_t domain;
    std::int32_t type;
    std::int32_t protocol;
    char name[64]; // SetSysctl: "net.ipv4.tcp_sack", NUL-terminated
    char value[64]; // SetSysctl: "0", or numbers separated by spaces; SetQuickAck: "1" or "0"
    std::int32_t ipVersion; // NewLab: 4 or 6
};

struct HostInfo {
    std::uint64_t netnsInode; // st_ino of the namespace (compare with SIOCGSKNS)
    std::uint64_t netnsCookie; // SO_NETNS_COOKIE of sockets made there (needs no privilege)
    char tunName[16];
};

// Sent once after start-up (op 0) and once per request.
struct Reply {
    std::uint32_t version;
    std::int32_t err; // 0 on success, else the errno of the failed call
    char call[64]; // the call that failed, e.g. "open(/dev/net/tun)"
    char hint[512]; // what it means on this machine and what fixes it
    HostInfo hosts[2]; // for the hello and NewLab replies
    std::int32_t userNamespace; // 1 when the helper runs in its own user namespace
    char value[64]; // GetSysctl: the value, NUL-terminated
};

} // namespace labproto
