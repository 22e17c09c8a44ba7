// SPDX-License-Identifier: GPL-3.0-or-later
//
// synscope-lab-helper: makes the two "hosts" of the lab and hands their file descriptors to the
// app. It is single-threaded and links no Qt, because unshare(CLONE_NEWUSER) fails with EINVAL
// in a multithreaded process. Everything is done with syscalls and ioctls: a process in a user
// namespace whose uid maps to a non-root uid loses its capabilities on execve, so running `ip`
// is not an option.
//
// Usage (by the app only): synscope-lab-helper PARENT_PID TUN_PATH, with fd 3 the helper's end
// of a SOCK_SEQPACKET socketpair. It answers with a hello, then serves requests until the app
// closes its end or dies (PR_SET_PDEATHSIG).

#include "lab/helperprotocol.h"
#include "trace/labhosts.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_tun.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sched.h>
#include <string>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

#ifndef SO_NETNS_COOKIE
#define SO_NETNS_COOKIE 71
#endif

using namespace labproto;

namespace {

const char *g_tunPath = "/dev/net/tun";
// Read before entering the user namespace: inside it, unmapped ids show as the overflow uid.
uid_t g_realUid = 0;
struct stat g_tunStat { };

struct Namespace {
    int nsFd = -1;
    HostInfo info {};
};
Namespace g_hosts[2];
bool g_haveLab = false;
int g_ipVersion = 4; // of the lab made last: a restarted host keeps it

std::string readSmallFile(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    char buf[64] = {};
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    std::string s(buf, n > 0 ? size_t(n) : 0);
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

// Writes a value; returns 0 or the errno.
int writeFile(const char *path, const char *value)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    size_t len = strlen(value);
    int err = write(fd, value, len) == ssize_t(len) ? 0 : errno;
    close(fd);
    return err;
}

std::string selfPath()
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, size_t(n)) : std::string("synscope-lab-helper");
}

bool fail(Reply &r, const std::string &call, int err, const std::string &hint)
{
    r.err = err ? err : EIO;
    snprintf(r.call, sizeof r.call, "%s", call.c_str());
    snprintf(r.hint, sizeof r.hint, "%s", hint.c_str());
    return false;
}

std::string appArmorHint()
{
    if (readSmallFile("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") != "1") return {};
    const std::string exe = selfPath();
    return "AppArmor restricts unprivileged user namespaces here "
           "(kernel.apparmor_restrict_unprivileged_userns=1, as on Ubuntu 24.04). Remedy: allow them for the "
           "helper with a profile /etc/apparmor.d/synscope-lab-helper containing 'abi <abi/4.0>, include "
           "<tunables/global> profile synscope-lab-helper "
        + exe
        + " flags=(unconfined) { userns, }' and run 'sudo apparmor_parser -r /etc/apparmor.d/synscope-lab-helper'; "
          "or run SynScope as root.";
}

bool setupUserNamespace(Reply &r)
{
    const uid_t uid = geteuid();
    const gid_t gid = getegid();
    if (unshare(CLONE_NEWUSER) != 0) {
        const int err = errno;
        if (uid == 0) return true; // root has the capabilities the lab needs without a user namespace
        std::string hint;
        if (readSmallFile("/proc/sys/user/max_user_namespaces") == "0")
            hint = "User namespaces are disabled on this machine (user.max_user_namespaces=0). Remedy: "
                   "'sudo sysctl -w user.max_user_namespaces=15000', or run SynScope as root.";
        else if (readSmallFile("/proc/sys/kernel/unprivileged_userns_clone") == "0")
            hint = "Unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone=0, Debian's switch on "
                   "older kernels). Remedy: 'sudo sysctl -w kernel.unprivileged_userns_clone=1', or run SynScope as "
                   "root.";
        else if (std::string aa = appArmorHint(); !aa.empty())
            hint = aa;
        else
            hint = "This machine does not let an ordinary user create a user namespace. Run SynScope as root, or "
                   "allow unprivileged user namespaces.";
        return fail(r, "unshare(CLONE_NEWUSER)", err, hint);
    }
    r.userNamespace = 1;
    char map[64];
    snprintf(map, sizeof map, "0 %u 1\n", unsigned(uid));
    if (int err = writeFile("/proc/self/uid_map", map))
        return fail(r, "write(/proc/self/uid_map)", err,
                    appArmorHint().empty() ? std::string("The kernel refused the uid map of the lab's user namespace.")
                                           : appArmorHint());
    if (int err = writeFile("/proc/self/setgroups", "deny"); err && err != ENOENT)
        return fail(r, "write(/proc/self/setgroups)", err, "The kernel refused to disable setgroups.");
    snprintf(map, sizeof map, "0 %u 1\n", unsigned(gid));
    if (int err = writeFile("/proc/self/gid_map", map))
        return fail(r, "write(/proc/self/gid_map)", err, "The kernel refused the gid map of the lab's user namespace.");
    return true;
}

bool ifreqIoctl(Reply &r, int ctl, unsigned long request, ifreq &ifr, const char *what)
{
    if (ioctl(ctl, request, &ifr) == 0) return true;
    return fail(r, std::string("ioctl(") + what + ", " + ifr.ifr_name + ")", errno,
                "The kernel refused to configure the lab's network interface.");
}

void setAddress(ifreq &ifr, const char *address)
{
    auto *sin = reinterpret_cast<sockaddr_in *>(&ifr.ifr_addr);
    memset(sin, 0, sizeof *sin);
    sin->sin_family = AF_INET;
    inet_pton(AF_INET, address, &sin->sin_addr);
}

// Per-namespace TCP settings: kernel timers keep running while a lecturer pauses with a segment
// held, so retry limits are raised to keep a paused handshake or close from timing out.
bool tuneSysctls(Reply &r)
{
    struct Setting {
        const char *path;
        const char *value;
        bool optional;
    };
    static const Setting settings[] = {
        {"/proc/sys/net/ipv6/conf/all/disable_ipv6", "1", true},
        {"/proc/sys/net/ipv6/conf/default/disable_ipv6", "1", true},
        {"/proc/sys/net/ipv4/tcp_syn_retries", "20", false},
        {"/proc/sys/net/ipv4/tcp_synack_retries", "20", false},
        {"/proc/sys/net/ipv4/tcp_orphan_retries", "15", false},
    };
    for (const Setting &s : settings) {
        int err = writeFile(s.path, s.value);
        if (err && !(s.optional && err == ENOENT))
            return fail(r, std::string("write(") + s.path + ")", err, "The lab could not tune its TCP settings.");
    }
    return true;
}

bool enterNewNetns(Reply &r)
{
    if (unshare(CLONE_NEWNET) == 0) return true;
    const int err = errno;
    std::string hint = appArmorHint();
    if (hint.empty())
        hint = "The kernel refused a new network namespace; the lab needs CAP_SYS_ADMIN in its user namespace.";
    return fail(r, "unshare(CLONE_NEWNET)", err, hint);
}

// A new network namespace sizes its TCP hash table from tcp_child_ehash_entries of the namespace
// it is made from (Linux >= 6.1); the default is the host's full table, which makes every
// sock_diag dump walk hundreds of thousands of empty buckets. Two hosts need a handful of
// sockets. Optional: older kernels lack the setting and use the shared table.
void shrinkChildHashTables()
{
    writeFile("/proc/sys/net/ipv4/tcp_child_ehash_entries", "256");
}

// The namespace every lab is made from: our own, so the setting above never touches the
// machine's real network namespace.
int g_baseNs = -1;

bool enterBaseNetns(Reply &r)
{
    if (g_baseNs >= 0) {
        if (setns(g_baseNs, CLONE_NEWNET) != 0)
            return fail(r, "setns(CLONE_NEWNET)", errno, "The helper could not return to its base namespace.");
        return true;
    }
    if (!enterNewNetns(r)) return false;
    g_baseNs = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (g_baseNs < 0)
        return fail(r, "open(/proc/self/ns/net)", errno, "The lab could not keep a handle on its namespace.");
    shrinkChildHashTables();
    return true;
}

// Appends a route attribute to a netlink message being built in `buf` (whose header says how long
// it is so far).
void addAttribute(nlmsghdr *msg, std::size_t room, unsigned short type, const void *data, std::size_t len)
{
    const std::size_t at = NLMSG_ALIGN(msg->nlmsg_len);
    if (at + RTA_SPACE(len) > room) return; // the buffers below are sized for what they hold; never reached
    auto *rta = reinterpret_cast<rtattr *>(reinterpret_cast<char *>(msg) + at);
    rta->rta_type = type;
    rta->rta_len = static_cast<unsigned short>(RTA_LENGTH(len));
    memcpy(RTA_DATA(rta), data, len);
    msg->nlmsg_len = static_cast<std::uint32_t>(at + RTA_SPACE(len));
}

// Starts a NETLINK_ROUTE request of `type` in `buf` (zeroed by the caller), with its payload of
// type T right after the header; returns the payload.
template<typename T>
T *startRequest(char *buf, unsigned short type, unsigned short flags)
{
    auto *msg = reinterpret_cast<nlmsghdr *>(buf);
    msg->nlmsg_len = NLMSG_LENGTH(sizeof(T));
    msg->nlmsg_type = type;
    msg->nlmsg_flags = flags;
    msg->nlmsg_seq = 1;
    return static_cast<T *>(NLMSG_DATA(msg));
}

// Sends one NETLINK_ROUTE request inside the current namespace and reads the kernel's first
// answer into `answer`: 0 with *len its length, or the errno of the failure.
int rtnetlinkTalk(nlmsghdr *msg, char *answer, std::size_t room, ssize_t *len)
{
    const int nl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (nl < 0) return errno;
    sockaddr_nl kernel {};
    kernel.nl_family = AF_NETLINK;
    int err = 0;
    if (sendto(nl, msg, msg->nlmsg_len, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel)
        != ssize_t(msg->nlmsg_len)) {
        err = errno;
    } else {
        do
            *len = recv(nl, answer, room, 0);
        while (*len < 0 && errno == EINTR);
        if (*len < 0) err = errno;
    }
    close(nl);
    return err;
}

// A request the kernel answers with an acknowledgment (NLM_F_ACK): 0, or the errno it reports.
int rtnetlinkRequest(nlmsghdr *msg)
{
    alignas(nlmsghdr) char answer[1024];
    ssize_t n = 0;
    if (int err = rtnetlinkTalk(msg, answer, sizeof answer, &n)) return err;
    const auto *a = reinterpret_cast<const nlmsghdr *>(answer);
    if (n < ssize_t(NLMSG_LENGTH(sizeof(nlmsgerr))) || a->nlmsg_type != NLMSG_ERROR) return EPROTO;
    return -static_cast<const nlmsgerr *>(NLMSG_DATA(a))->error;
}

// IPv6 on the host's TUN, and only there (the namespace's "all" and "default" stay off, so
// loopback has none): no router solicitations, no router advertisements taken, no duplicate
// address detection (the TUN is point-to-point: there is nobody to collide with, and DAD would
// hold the address back for a second), no link-local address (nothing on the wire needs one), and
// the MTU that gives the IPv4 lab's MSS (kMtu6). Only net.ipv6.conf.<TUN>.* is written, and only
// these names. A kernel without IPv6 (booted with ipv6.disable=1) has no such directory.
bool enableIpv6OnTun(Reply &r, int ctl, const char *tunName)
{
    static const std::pair<const char *, const char *> settings[] = {
        {"accept_ra", "0"}, {"router_solicitations", "0"}, {"accept_dad", "0"},   {"dad_transmits", "0"},
        {"autoconf", "0"},  {"addr_gen_mode", "1"},        {"disable_ipv6", "0"},
    };
    for (const auto &[name, value] : settings) {
        const std::string path = std::string("/proc/sys/net/ipv6/conf/") + tunName + "/" + name;
        if (int err = writeFile(path.c_str(), value)) {
            return fail(r, "write(" + path + ")", err,
                        err == ENOENT ? "This kernel has no IPv6 (it was started with ipv6.disable=1, or built "
                                        "without it): the lab can run over IPv4 only here."
                                      : "The lab could not turn IPv6 on for its network interface.");
        }
    }
    ifreq mtu {};
    snprintf(mtu.ifr_name, IFNAMSIZ, "%s", tunName);
    mtu.ifr_mtu = kMtu6;
    return ifreqIoctl(r, ctl, SIOCSIFMTU, mtu, "SIOCSIFMTU");
}

// Whether the kernel routes `a` to this host itself (RTM_GETROUTE: "ip -6 route get"): 1 yes, 0 not
// yet, -1 with errno set when it cannot say.
int routesLocally(const in6_addr &a)
{
    alignas(nlmsghdr) char buf[128] = {};
    auto *msg = reinterpret_cast<nlmsghdr *>(buf);
    auto *rt = startRequest<rtmsg>(buf, RTM_GETROUTE, NLM_F_REQUEST);
    rt->rtm_family = AF_INET6;
    rt->rtm_dst_len = 128;
    addAttribute(msg, sizeof buf, RTA_DST, &a, sizeof a);
    alignas(nlmsghdr) char answer[1024];
    ssize_t n = 0;
    if (int err = rtnetlinkTalk(msg, answer, sizeof answer, &n)) {
        errno = err;
        return -1;
    }
    const auto *h = reinterpret_cast<const nlmsghdr *>(answer);
    if (n >= ssize_t(NLMSG_LENGTH(sizeof(rtmsg))) && h->nlmsg_type == RTM_NEWROUTE)
        return static_cast<const rtmsg *>(NLMSG_DATA(h))->rtm_type == RTN_LOCAL ? 1 : 0;
    if (n >= ssize_t(NLMSG_LENGTH(sizeof(nlmsgerr))) && h->nlmsg_type == NLMSG_ERROR) return 0; // no route yet
    errno = EPROTO;
    return -1;
}

// A new IPv6 address is in place at once, but the kernel puts its local route in (what makes a
// packet to it this host's, not one to forward) from its address work a moment later; a SYN
// delivered before that is dropped. Wait for the route, as long as a loaded machine may take.
bool waitForLocalRoute(Reply &r, const in6_addr &a, const char *address)
{
    for (int i = 0; i < 10000; ++i) { // at most about 10 s
        const int local = routesLocally(a);
        if (local == 1) return true;
        if (local < 0)
            return fail(r, std::string("RTM_GETROUTE(") + address + ")", errno,
                        "The helper could not read the lab's routes.");
        timespec ms {0, 1000000};
        nanosleep(&ms, nullptr);
    }
    return fail(r, std::string("RTM_GETROUTE(") + address + ")", ETIMEDOUT,
                "The kernel did not make the lab's IPv6 address usable within 10 s.");
}

// The host's IPv6 address on its TUN, in the lab's /64 (whose route the kernel then makes), usable
// at once: IFA_F_NODAD, where an address set with the SIOCSIFADDR ioctl would stay "tentative"
// until the kernel's address work has run.
bool addIpv6Address(Reply &r, int ifindex, const char *address)
{
    alignas(nlmsghdr) char buf[256] = {};
    auto *msg = reinterpret_cast<nlmsghdr *>(buf);
    auto *ifa = startRequest<ifaddrmsg>(buf, RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
    ifa->ifa_family = AF_INET6;
    ifa->ifa_prefixlen = kPrefixLength6;
    ifa->ifa_flags = IFA_F_NODAD | IFA_F_PERMANENT;
    ifa->ifa_scope = RT_SCOPE_UNIVERSE;
    ifa->ifa_index = std::uint32_t(ifindex);
    in6_addr a {};
    inet_pton(AF_INET6, address, &a);
    addAttribute(msg, sizeof buf, IFA_LOCAL, &a, sizeof a);
    addAttribute(msg, sizeof buf, IFA_ADDRESS, &a, sizeof a);
    if (int err = rtnetlinkRequest(msg))
        return fail(r, std::string("RTM_NEWADDR(") + address + ")", err, "The kernel refused the lab's IPv6 address.");
    return waitForLocalRoute(r, a, address);
}

bool makeHost(Reply &r, Host host, Namespace &ns, int &tunFd)
{
    if (!enterNewNetns(r)) return false;
    shrinkChildHashTables(); // the server host is made from inside the client host
    ns.nsFd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (ns.nsFd < 0)
        return fail(r, "open(/proc/self/ns/net)", errno, "The lab could not keep a handle on its namespace.");
    struct stat st { };
    fstat(ns.nsFd, &st);
    ns.info.netnsInode = st.st_ino;
    if (!tuneSysctls(r)) return false;

    int ctl = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (ctl < 0) return fail(r, "socket(AF_INET, SOCK_DGRAM)", errno, "The lab could not make a control socket.");
    uint64_t cookie = 0;
    socklen_t cookieLen = sizeof cookie;
    if (getsockopt(ctl, SOL_SOCKET, SO_NETNS_COOKIE, &cookie, &cookieLen) == 0) ns.info.netnsCookie = cookie;

    bool ok = true;
    ifreq ifr {};
    snprintf(ifr.ifr_name, IFNAMSIZ, "lo");
    ifr.ifr_flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING;
    ok = ifreqIoctl(r, ctl, SIOCSIFFLAGS, ifr, "SIOCSIFFLAGS");

    // The TUN device belongs to the namespace that is current when /dev/net/tun is opened.
    if (ok) {
        tunFd = open(g_tunPath, O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (tunFd < 0) {
            const int err = errno;
            std::string call = std::string("open(") + g_tunPath + ")";
            if (err == ENOENT || err == ENODEV || err == ENXIO) {
                ok = fail(r, call, err,
                          std::string(g_tunPath)
                              + " is missing: the TUN driver is not loaded. Remedy: 'sudo modprobe tun' "
                                "(in a container, pass the host's /dev/net/tun in).");
            } else if (err == EACCES || err == EPERM) {
                const struct stat &ts = g_tunStat;
                char hint[400];
                snprintf(
                    hint, sizeof hint,
                    "%s is mode %04o, owner uid %u, so uid %u may not open it (stock Debian, Ubuntu and Fedora ship "
                    "it 0666). Remedy: 'sudo chmod 0666 %s' (for good: a udev rule KERNEL==\"tun\", MODE=\"0666\"), "
                    "or run SynScope as root.",
                    g_tunPath, unsigned(ts.st_mode & 07777), unsigned(ts.st_uid), unsigned(g_realUid), g_tunPath);
                ok = fail(r, call, err, hint);
            } else {
                ok = fail(r, call, err, "The lab could not open the TUN device.");
            }
        }
    }
    if (ok) {
        ifreq tun {};
        snprintf(tun.ifr_name, IFNAMSIZ, "wire0");
        tun.ifr_flags = IFF_TUN | IFF_NO_PI;
        if (ioctl(tunFd, TUNSETIFF, &tun) != 0)
            ok = fail(r, "ioctl(TUNSETIFF)", errno, "The kernel refused to create the lab's TUN device.");
        else
            snprintf(ns.info.tunName, sizeof ns.info.tunName, "%s", tun.ifr_name);
        // Closing a non-persistent TUN's last fd unregisters the device at once, which waits for an
        // RCU grace period (20-30 ms per device): a restart would pay that twice. A persistent device
        // goes when its namespace goes, in the kernel's cleanup work, off our critical path.
        if (ok && ioctl(tunFd, TUNSETPERSIST, 1) != 0)
            ok = fail(r, "ioctl(TUNSETPERSIST)", errno, "The kernel refused to keep the lab's TUN device.");
    }
    const bool client = host == Host::Client;
    if (ok && g_ipVersion == 6) {
        ok = enableIpv6OnTun(r, ctl, ns.info.tunName);
        ifreq up {};
        snprintf(up.ifr_name, IFNAMSIZ, "%s", ns.info.tunName);
        ok = ok && ifreqIoctl(r, ctl, SIOCGIFFLAGS, up, "SIOCGIFFLAGS");
        up.ifr_flags |= IFF_UP | IFF_RUNNING;
        ok = ok && ifreqIoctl(r, ctl, SIOCSIFFLAGS, up, "SIOCSIFFLAGS");
        ifreq index {};
        snprintf(index.ifr_name, IFNAMSIZ, "%s", ns.info.tunName);
        ok = ok && ifreqIoctl(r, ctl, SIOCGIFINDEX, index, "SIOCGIFINDEX");
        ok = ok && addIpv6Address(r, index.ifr_ifindex, hostAddress(6, client));
    } else if (ok) {
        const std::string v6 = std::string("/proc/sys/net/ipv6/conf/") + ns.info.tunName + "/disable_ipv6";
        writeFile(v6.c_str(), "1"); // absent when the kernel has no IPv6: nothing to turn off then
        ifreq ifa {};
        snprintf(ifa.ifr_name, IFNAMSIZ, "%s", ns.info.tunName);
        setAddress(ifa, client ? kClientAddress : kServerAddress);
        ok = ifreqIoctl(r, ctl, SIOCSIFADDR, ifa, "SIOCSIFADDR");
        // A /32 with a point-to-point peer: the only route is the host route to the other end.
        setAddress(ifa, "255.255.255.255");
        ok = ok && ifreqIoctl(r, ctl, SIOCSIFNETMASK, ifa, "SIOCSIFNETMASK");
        setAddress(ifa, client ? kServerAddress : kClientAddress);
        ok = ok && ifreqIoctl(r, ctl, SIOCSIFDSTADDR, ifa, "SIOCSIFDSTADDR");
        ifreq up {};
        snprintf(up.ifr_name, IFNAMSIZ, "%s", ns.info.tunName);
        ok = ok && ifreqIoctl(r, ctl, SIOCGIFFLAGS, up, "SIOCGIFFLAGS");
        up.ifr_flags |= IFF_UP | IFF_RUNNING;
        ok = ok && ifreqIoctl(r, ctl, SIOCSIFFLAGS, up, "SIOCSIFFLAGS");
    }
    close(ctl);
    return ok;
}

void dropLab()
{
    for (Namespace &ns : g_hosts) {
        if (ns.nsFd >= 0) close(ns.nsFd);
        ns = Namespace {};
    }
    g_haveLab = false;
}

bool newLab(Reply &r, const Request &req, int tunFds[2])
{
    dropLab();
    if (req.ipVersion != 4 && req.ipVersion != 6) {
        char hint[160];
        snprintf(hint, sizeof hint,
                 "The app asked for IP version %d; the lab runs over 4 or 6. Rebuild SynScope: the app and the helper "
                 "do not match.",
                 int(req.ipVersion));
        return fail(r, "new lab", EINVAL, hint);
    }
    g_ipVersion = req.ipVersion;
    if (!enterBaseNetns(r)) return false;
    for (int h = 0; h < 2; ++h) {
        if (!makeHost(r, Host(h), g_hosts[h], tunFds[h])) return false;
        r.hosts[h] = g_hosts[h].info;
    }
    g_haveLab = true;
    return true;
}

// Only what the app uses: TCP over IPv4 and IPv6 for the programs, and sock_diag for the kernel
// probe. Anything else (a packet socket, NETLINK_ROUTE, UDP) is refused, even inside the lab.
bool isAllowedSocket(const Request &req)
{
    const int type = req.type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (req.domain == AF_INET || req.domain == AF_INET6)
        return type == SOCK_STREAM && (req.protocol == 0 || req.protocol == IPPROTO_TCP);
    if (req.domain == AF_NETLINK) return (type == SOCK_RAW || type == SOCK_DGRAM) && req.protocol == NETLINK_SOCK_DIAG;
    return false;
}

// The host of a request: 0 (client) or 1 (server), with the lab made.
bool validHost(Reply &r, const Request &req, const char *call)
{
    const std::uint32_t h = std::uint32_t(req.host);
    if (h > 1) {
        char hint[160];
        snprintf(hint, sizeof hint,
                 "The app asked for host %u; the lab has the client (0) and the server (1) only. Rebuild SynScope: the "
                 "app and the helper do not match.",
                 unsigned(h));
        return fail(r, call, EINVAL, hint);
    }
    if (!g_haveLab) return fail(r, call, ENXIO, "There is no lab yet: ask for a new lab first.");
    return true;
}

// One host made again from the base namespace, as newLab() made it: same address, same TUN name,
// the lab's default settings, and none of the old kernel's sockets.
bool restartHost(Reply &r, const Request &req, int &tunFd)
{
    if (!validHost(r, req, "restart")) return false;
    const int h = int(req.host);
    if (!enterBaseNetns(r)) return false;
    Namespace fresh;
    if (!makeHost(r, req.host, fresh, tunFd)) {
        if (fresh.nsFd >= 0) close(fresh.nsFd);
        return false;
    }
    // Only now let go of the old one: a failed restart leaves the lab as it was.
    close(g_hosts[h].nsFd);
    g_hosts[h] = fresh;
    r.hosts[h] = fresh.info;
    return true;
}

bool newSocket(Reply &r, const Request &req, int &fd)
{
    if (!validHost(r, req, "socket()")) return false;
    const int h = int(req.host);
    if (!isAllowedSocket(req)) {
        char call[64];
        snprintf(call, sizeof call, "socket(%d, %d, %d)", req.domain, req.type, req.protocol);
        return fail(
            r, call, EPERM,
            "The lab hands out TCP sockets (IPv4, IPv6) and sock_diag sockets only: nothing else is needed to run "
            "its programs and read their states.");
    }
    if (setns(g_hosts[h].nsFd, CLONE_NEWNET) != 0)
        return fail(r, "setns(CLONE_NEWNET)", errno, "The helper could not enter the lab's namespace.");
    fd = socket(req.domain, req.type | SOCK_CLOEXEC, req.protocol);
    if (fd < 0) return fail(r, "socket()", errno, "The kernel refused a socket inside the lab.");
    uint64_t cookie = 0;
    socklen_t len = sizeof cookie;
    if (getsockopt(fd, SOL_SOCKET, SO_NETNS_COOKIE, &cookie, &len) == 0 && g_hosts[h].info.netnsCookie
        && cookie != g_hosts[h].info.netnsCookie) {
        close(fd);
        fd = -1;
        return fail(r, "getsockopt(SO_NETNS_COOKIE)", EXDEV, "A socket was made outside the lab; refused.");
    }
    return true;
}

// The app's rules (trace/labhosts.h), checked again here: names of the two TCP-related trees only
// (so never a path out of /proc/sys/net), values of integers separated by single spaces.
bool validSysctl(Reply &r, const Request &req, std::string &path)
{
    const size_t nameLen = strnlen(req.name, sizeof req.name);
    const size_t valueLen = strnlen(req.value, sizeof req.value);
    const std::string name(req.name, nameLen);
    const bool ok = nameLen < sizeof req.name && valueLen < sizeof req.value && isSettableSysctlName(name)
        && isSettableSysctlValue(std::string_view(req.value, valueLen));
    if (!ok)
        return fail(r, "sysctl(" + name + ")", EINVAL,
                    "Only net.ipv4.tcp_* and net.core.* settings with numeric values can be set in the lab.");
    path = "/proc/sys/" + name;
    for (char &c : path)
        c = c == '.' ? '/' : c;
    return true;
}

// /proc/sys/net shows the settings of the namespace of whoever opens the file: enter the host first.
bool setSysctl(Reply &r, const Request &req)
{
    if (!validHost(r, req, "sysctl")) return false;
    const int h = int(req.host);
    std::string path;
    if (!validSysctl(r, req, path)) return false;
    if (setns(g_hosts[h].nsFd, CLONE_NEWNET) != 0)
        return fail(r, "setns(CLONE_NEWNET)", errno, "The helper could not enter the lab's namespace.");
    if (int err = writeFile(path.c_str(), req.value)) {
        const char *hint = "The kernel refused the value.";
        if (err == ENOENT)
            hint = "This kernel has no such setting in a network namespace (some net.core settings are global).";
        else if (err == EACCES || err == EPERM)
            hint = "The kernel does not let a network namespace change this setting: it is read-only, or only the "
                   "machine's own namespace may set it (many net.core settings are global).";
        else if (err == EINVAL || err == ERANGE)
            hint = "The kernel refused the value: it is out of the range this setting takes.";
        return fail(r, "write(" + path + ")", err, hint);
    }
    return true;
}

// The value as SetSysctl takes it: /proc/sys writes a vector separated by tabs, with a newline.
bool getSysctl(Reply &r, const Request &req)
{
    if (!validHost(r, req, "sysctl")) return false;
    const int h = int(req.host);
    Request named = req;
    memcpy(named.value, "0", 2); // only the name is checked: there is no value to write
    std::string path;
    if (!validSysctl(r, named, path)) return false;
    if (setns(g_hosts[h].nsFd, CLONE_NEWNET) != 0)
        return fail(r, "setns(CLONE_NEWNET)", errno, "The helper could not enter the lab's namespace.");
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(r, "open(" + path + ")", errno, "This kernel has no such setting in a network namespace.");
    char buf[sizeof r.value] = {};
    const ssize_t n = read(fd, buf, sizeof buf - 1);
    const int err = errno;
    close(fd);
    if (n < 0) return fail(r, "read(" + path + ")", err, "The kernel refused to show the setting.");
    std::string value;
    for (ssize_t i = 0; i < n; ++i) {
        const char c = buf[i];
        if (c == '\t' || c == ' ' || c == '\n') {
            if (!value.empty() && value.back() != ' ') value += ' ';
        } else {
            value += c;
        }
    }
    while (!value.empty() && value.back() == ' ')
        value.pop_back();
    if (!isSettableSysctlValue(value))
        return fail(r, "read(" + path + ")", EPROTO, "The setting is not a list of integers.");
    snprintf(r.value, sizeof r.value, "%s", value.c_str());
    return true;
}

// The host's only route, to its peer over the TUN, replaced by the same route with or without the
// quickack metric. Linux then ACKs every segment on that route at once, where it would otherwise
// delay the ACK (always after a FIN, which puts the socket in "ping-pong" mode): a scenario that
// shows what the peer's program does when the FIN arrives needs the ACK's timing not to race it.
bool setQuickAck(Reply &r, const Request &req)
{
    if (!validHost(r, req, "quickack")) return false;
    if ((req.value[0] != '0' && req.value[0] != '1') || req.value[1] != '\0')
        return fail(r, "quickack", EINVAL,
                    "The app asked for a quickack value other than 0 or 1. Rebuild SynScope: "
                    "the app and the helper do not match.");
    const int h = int(req.host);
    const Namespace &ns = g_hosts[h];
    if (setns(ns.nsFd, CLONE_NEWNET) != 0)
        return fail(r, "setns(CLONE_NEWNET)", errno, "The helper could not enter the lab's namespace.");
    const int ctl = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (ctl < 0) return fail(r, "socket(AF_INET)", errno, "The helper could not open a socket in the lab.");
    ifreq ifr {};
    snprintf(ifr.ifr_name, IFNAMSIZ, "%s", ns.info.tunName);
    const bool haveIndex = ifreqIoctl(r, ctl, SIOCGIFINDEX, ifr, "SIOCGIFINDEX");
    close(ctl);
    if (!haveIndex) return false;
    alignas(nlmsghdr) char buf[512] = {};
    auto *msg = reinterpret_cast<nlmsghdr *>(buf);
    auto *rt = startRequest<rtmsg>(buf, RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE);
    const bool client = Host(h) == Host::Client;
    rt->rtm_table = RT_TABLE_MAIN;
    rt->rtm_type = RTN_UNICAST;
    if (g_ipVersion == 6) {
        // A host route to the peer beside the lab's /64 (the longer prefix wins): made by the
        // first change, replaced by the next.
        rt->rtm_family = AF_INET6;
        rt->rtm_dst_len = 128;
        rt->rtm_protocol = RTPROT_BOOT;
        rt->rtm_scope = RT_SCOPE_UNIVERSE;
        in6_addr peer {};
        inet_pton(AF_INET6, hostAddress(6, !client), &peer);
        addAttribute(msg, sizeof buf, RTA_DST, &peer, sizeof peer);
    } else {
        // The route the kernel made for the point-to-point peer (ip route: "10.0.0.2 dev wire0
        // proto kernel scope link src 10.0.0.1"): same destination, table, scope and source.
        rt->rtm_family = AF_INET;
        rt->rtm_dst_len = 32;
        rt->rtm_protocol = RTPROT_KERNEL;
        rt->rtm_scope = RT_SCOPE_LINK;
        in_addr self {}, peer {};
        inet_pton(AF_INET, hostAddress(4, client), &self);
        inet_pton(AF_INET, hostAddress(4, !client), &peer);
        addAttribute(msg, sizeof buf, RTA_DST, &peer, sizeof peer);
        addAttribute(msg, sizeof buf, RTA_PREFSRC, &self, sizeof self);
    }
    const std::uint32_t oif = std::uint32_t(ifr.ifr_ifindex);
    addAttribute(msg, sizeof buf, RTA_OIF, &oif, sizeof oif);
    // RTA_METRICS nests the metric as an attribute of its own.
    alignas(rtattr) char metrics[RTA_SPACE(sizeof(std::uint32_t))] = {};
    auto *quick = reinterpret_cast<rtattr *>(metrics);
    quick->rta_type = RTAX_QUICKACK;
    quick->rta_len = RTA_LENGTH(sizeof(std::uint32_t));
    const std::uint32_t on = req.value[0] == '1' ? 1 : 0;
    memcpy(RTA_DATA(quick), &on, sizeof on);
    addAttribute(msg, sizeof buf, RTA_METRICS, metrics, sizeof metrics);
    if (int err = rtnetlinkRequest(msg))
        return fail(r, "RTM_NEWROUTE(quickack)", err, "The kernel refused to change the lab's route.");
    return true;
}

bool sendReply(const Reply &r, const int *fds, int nfds)
{
    iovec iov {const_cast<Reply *>(&r), sizeof r};
    msghdr msg {};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 2)] = {};
    if (nfds > 0) {
        msg.msg_control = control;
        msg.msg_controllen = CMSG_SPACE(sizeof(int) * size_t(nfds));
        cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * size_t(nfds));
        memcpy(CMSG_DATA(c), fds, sizeof(int) * size_t(nfds));
    }
    ssize_t n;
    do
        n = sendmsg(kHelperFd, &msg, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n == ssize_t(sizeof r);
}

Reply newReply()
{
    Reply r {};
    r.version = kVersion;
    return r;
}

// Descriptors the app let slip through exec (an open file without O_CLOEXEC, another library's
// socket) have no business in the helper, which makes namespaces: close everything above fd 3,
// the control channel. close_range() needs Linux 5.9; before, the descriptors are listed instead.
void closeInheritedDescriptors()
{
    if (close_range(kHelperFd + 1, ~0U, 0) == 0) return;
    std::vector<int> fds;
    if (DIR *dir = opendir("/proc/self/fd")) {
        const int own = dirfd(dir);
        while (dirent *e = readdir(dir)) {
            const int fd = atoi(e->d_name);
            if (fd > kHelperFd && fd != own) fds.push_back(fd);
        }
        closedir(dir);
    } else {
        rlimit limit {};
        getrlimit(RLIMIT_NOFILE, &limit);
        const rlim_t top = limit.rlim_cur == RLIM_INFINITY ? 65536 : std::min<rlim_t>(limit.rlim_cur, 1 << 20);
        for (rlim_t fd = kHelperFd + 1; fd < top; ++fd)
            fds.push_back(int(fd));
    }
    for (int fd : fds)
        close(fd);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "synscope-lab-helper is started by synscope, not by hand.\n");
        return 2;
    }
    closeInheritedDescriptors();
    // Die with the app. The signal is tied to the thread that forked, and the parent may already
    // be gone before prctl ran: check getppid() afterwards.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != pid_t(atol(argv[1]))) return 1;
    g_tunPath = argv[2];
    g_realUid = getuid();
    stat(g_tunPath, &g_tunStat);
    signal(SIGPIPE, SIG_IGN);

    Reply hello = newReply();
    const bool ready = setupUserNamespace(hello);
    if (!sendReply(hello, nullptr, 0) || !ready) return ready ? 1 : 3;

    for (;;) {
        Request req {};
        ssize_t n = recv(kHelperFd, &req, sizeof req, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break; // the app closed its end: leave, and the namespaces go with us
        Reply r = newReply();
        if (n != ssize_t(sizeof req)) {
            fail(r, "recv(request)", EPROTO, "Malformed request from the app.");
            sendReply(r, nullptr, 0);
            continue;
        }
        if (req.op == Op::NewLab) {
            int tun[2] = {-1, -1};
            const bool ok = newLab(r, req, tun);
            sendReply(r, tun, ok ? 2 : 0);
            for (int fd : tun) {
                if (fd >= 0) close(fd);
            }
            if (!ok) dropLab();
        } else if (req.op == Op::NewSocket) {
            int fd = -1;
            const bool ok = newSocket(r, req, fd);
            sendReply(r, &fd, ok ? 1 : 0);
            // The app now holds the only reference: its close() is the one that sends the FIN. It
            // waits for this second reply, so it never closes before we have.
            if (fd >= 0) {
                close(fd);
                sendReply(newReply(), nullptr, 0);
            }
        } else if (req.op == Op::SetSysctl) {
            setSysctl(r, req);
            sendReply(r, nullptr, 0);
        } else if (req.op == Op::GetSysctl) {
            getSysctl(r, req);
            sendReply(r, nullptr, 0);
        } else if (req.op == Op::RestartHost) {
            int tun = -1;
            const bool ok = restartHost(r, req, tun);
            sendReply(r, &tun, ok ? 1 : 0);
            if (tun >= 0) close(tun);
        } else if (req.op == Op::SetQuickAck) {
            setQuickAck(r, req);
            sendReply(r, nullptr, 0);
        } else {
            fail(r, "request", EOPNOTSUPP, "Unknown request from the app.");
            sendReply(r, nullptr, 0);
        }
    }
    dropLab();
    return 0;
}
