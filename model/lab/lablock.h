// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

// The one lock that serializes what reaches a lab kernel: the wire's writes into a TUN (each with
// the state read taken right after it) and the programs' calls on the lab's sockets (each with the
// state read after it returns).
//
// Why it is needed: a write into a TUN runs the receiving kernel's TCP input in the writer's
// context, so the segment has been processed when write() returns and a state read then sees what
// it did — unless another thread is inside a call on that socket at that moment. Then the socket is
// owned by that call, the segment waits in the socket's backlog until the call releases it, and the
// read right after the write sees the state from before. Holding this lock around both makes the
// read after a delivery (and after a call) true.
//
// What it must never be held across: a call that blocks in the kernel. The close() of a socket with
// SO_LINGER on sleeps until the peer acknowledges the FIN, and that ACK has to come through the wire,
// whose writes need this lock: so that close() runs on a thread of its own without the lock
// (BsdHost::lingeringClose). Nor does the GUI thread ever wait for the wire thread while the wire
// thread waits for the lock: the wire thread waits with lockUnless(), which gives up as soon as the
// GUI thread has a command for it, and it carries out the command on the GUI thread's behalf (the
// GUI thread holds the lock meanwhile and is blocked in the command).
class LabLock {
public:
    // A hold of the lock by the GUI thread, released when it goes out of scope. Nested holds on the
    // same thread are fine (a Qt call emits a signal whose handler reads a state).
    class Hold {
    public:
        explicit Hold(LabLock *lock)
            : m_lock(lock)
        { }
        Hold(Hold &&other) noexcept
            : m_lock(std::exchange(other.m_lock, nullptr))
        { }
        Hold(const Hold &) = delete;
        Hold &operator=(const Hold &) = delete;
        Hold &operator=(Hold &&) = delete;
        ~Hold()
        {
            if (m_lock) m_lock->unlock();
        }

    private:
        LabLock *m_lock;
    };

    // Run on the GUI thread when it takes the lock and is not already holding it, before it waits and
    // again once it holds the lock: brings the trace up to date with what the wire thread did before
    // (Wire::flush()), so that what the GUI thread records next comes after it.
    void setCatchUp(std::function<void()> catchUp) { m_catchUp = std::move(catchUp); }

    // The GUI thread: waits for the lock (recursively), catching up on the outermost hold.
    [[nodiscard]] Hold hold();
    // The same without waiting: nothing when another thread holds the lock. For what can as well be
    // done a little later (a periodic poll), so that the window never waits for a wire thread that
    // was preempted while it held the lock.
    [[nodiscard]] std::optional<Hold> tryHold();

    // The wire thread: takes the lock unless `interrupted` returns true first. It is checked now, and
    // again whenever the lock is released or wake() is called; it runs with the lock's mutex held and
    // must not take the lock itself.
    bool lockUnless(const std::function<bool()> &interrupted);
    void unlock();
    // Makes a lockUnless() under way check its `interrupted` again.
    void wake();
    // Threads waiting for the lock now (hold() or lockUnless()): for tests that need another thread
    // to be stopped by the lock before they go on.
    int waiting() const { return m_waiting.load(); }

private:
    std::optional<Hold> acquire(bool wait);

    std::mutex m_mutex;
    std::condition_variable m_released;
    std::thread::id m_owner;
    int m_depth = 0;
    std::atomic<int> m_waiting {0};
    std::function<void()> m_catchUp;
};
