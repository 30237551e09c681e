"""Richards: Martin Richards' simulation of an operating-system kernel.

Six tasks (idle, worker, two handlers, two devices) exchange packets under
a priority scheduler. Each task has a control block (a Task subclass) and
a private record (a TaskRec subclass). One run must end with 9297 holds
and 23246 queued packets; the program runs the simulation `n` times and
checks those counts every time.
Usage: richards.py [iterations]
"""
# bench: kind single
# bench: executors serial
# bench: size 30 quick 6 smoke 1
# (the bench runs it as NAME.py SIZE serial 1; only SIZE is read. The
# parity corpus runs it as corpus/parity/bench_richards.py, a link here.)
import sys

# Task identifiers.
I_IDLE = 1
I_WORK = 2
I_HANDLER_A = 3
I_HANDLER_B = 4
I_DEV_A = 5
I_DEV_B = 6

# Packet kinds.
K_DEV = 1000
K_WORK = 1001

BUFSIZE = 4
TASK_TAB_SIZE = 10
EXPECTED_HOLDS = 9297
EXPECTED_QPKTS = 23246


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        """Append self to the end of `queue`; return the queue's head."""
        self.link = None
        if queue is None:
            return self
        p = queue
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return queue


class TaskRec:
    """Private state of one task."""


class DeviceTaskRec(TaskRec):
    def __init__(self):
        self.pending = None


class IdleTaskRec(TaskRec):
    def __init__(self):
        self.control = 1
        self.count = 10000


class HandlerTaskRec(TaskRec):
    def __init__(self):
        self.work_in = None
        self.device_in = None

    def work_in_add(self, packet):
        self.work_in = packet.append_to(self.work_in)
        return self.work_in

    def device_in_add(self, packet):
        self.device_in = packet.append_to(self.device_in)
        return self.device_in


class WorkerTaskRec(TaskRec):
    def __init__(self):
        self.destination = I_HANDLER_A
        self.count = 0


class TaskState:
    """Three flags: a packet is pending, the task waits, the task is held."""

    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def set_flags(self, pending, waiting, holding):
        self.packet_pending = pending
        self.task_waiting = waiting
        self.task_holding = holding
        return self

    def packet_pending_state(self):
        return self.set_flags(True, False, False)

    def waiting(self):
        return self.set_flags(False, True, False)

    def running(self):
        return self.set_flags(False, False, False)

    def waiting_with_packet(self):
        return self.set_flags(True, True, False)

    def is_holding_or_waiting(self):
        return self.task_holding or (
            not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return (self.packet_pending and self.task_waiting
                and not self.task_holding)


class Scheduler:
    """The task table, the list of all tasks, and the two counters."""

    def __init__(self):
        self.task_tab = [None] * TASK_TAB_SIZE
        self.task_list = None
        self.hold_count = 0
        self.qpkt_count = 0

    def find(self, ident):
        t = self.task_tab[ident]
        if t is None:
            raise ValueError("bad task id %d" % ident)
        return t

    def run(self):
        t = self.task_list
        while t is not None:
            if t.is_holding_or_waiting():
                t = t.link
            else:
                t = t.run_task()


class Task(TaskState):
    def __init__(self, sched, ident, priority, queue, state, rec):
        super().__init__()
        self.sched = sched
        self.link = sched.task_list
        self.ident = ident
        self.priority = priority
        self.input = queue
        self.set_flags(state.packet_pending, state.task_waiting,
                       state.task_holding)
        self.rec = rec
        sched.task_list = self
        sched.task_tab[ident] = self

    def fn(self, packet, rec):
        raise NotImplementedError("Task.fn")

    def add_packet(self, packet, old):
        if self.input is None:
            self.input = packet
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            packet.append_to(self.input)
        return old

    def run_task(self):
        if self.is_waiting_with_packet():
            msg = self.input
            self.input = msg.link
            if self.input is None:
                self.running()
            else:
                self.packet_pending_state()
        else:
            msg = None
        return self.fn(msg, self.rec)

    def wait_task(self):
        self.task_waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, ident):
        t = self.sched.find(ident)
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def qpkt(self, packet):
        t = self.sched.find(packet.ident)
        self.sched.qpkt_count += 1
        packet.link = None
        packet.ident = self.ident
        return t.add_packet(packet, self)


class DeviceTask(Task):
    def fn(self, packet, rec):
        assert isinstance(rec, DeviceTaskRec)
        if packet is None:
            packet = rec.pending
            if packet is None:
                return self.wait_task()
            rec.pending = None
            return self.qpkt(packet)
        rec.pending = packet
        return self.hold()


class HandlerTask(Task):
    def fn(self, packet, rec):
        assert isinstance(rec, HandlerTaskRec)
        if packet is not None:
            if packet.kind == K_WORK:
                rec.work_in_add(packet)
            else:
                rec.device_in_add(packet)
        work = rec.work_in
        if work is None:
            return self.wait_task()
        count = work.datum
        if count >= BUFSIZE:
            rec.work_in = work.link
            return self.qpkt(work)
        dev = rec.device_in
        if dev is None:
            return self.wait_task()
        rec.device_in = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return self.qpkt(dev)


class IdleTask(Task):
    def __init__(self, sched, ident, state, rec):
        super().__init__(sched, ident, 0, None, state, rec)

    def fn(self, packet, rec):
        assert isinstance(rec, IdleTaskRec)
        rec.count -= 1
        if rec.count == 0:
            return self.hold()
        if rec.control & 1 == 0:
            rec.control //= 2
            return self.release(I_DEV_A)
        rec.control = (rec.control // 2) ^ 0xd008
        return self.release(I_DEV_B)


class WorkTask(Task):
    def fn(self, packet, rec):
        assert isinstance(rec, WorkerTaskRec)
        if packet is None:
            return self.wait_task()
        if rec.destination == I_HANDLER_A:
            dest = I_HANDLER_B
        else:
            dest = I_HANDLER_A
        rec.destination = dest
        packet.ident = dest
        packet.datum = 0
        for i in range(BUFSIZE):
            rec.count += 1
            if rec.count > 26:
                rec.count = 1
            packet.data[i] = ord('A') + rec.count - 1
        return self.qpkt(packet)


def packet_chain(count, ident, kind):
    head = None
    for _ in range(count):
        head = Packet(head, ident, kind)
    return head


def run_once():
    """Build the six tasks, run the scheduler, return (holds, qpkts)."""
    sched = Scheduler()
    IdleTask(sched, I_IDLE, TaskState().running(), IdleTaskRec())
    WorkTask(sched, I_WORK, 1000, packet_chain(2, 0, K_WORK),
             TaskState().waiting_with_packet(), WorkerTaskRec())
    HandlerTask(sched, I_HANDLER_A, 2000, packet_chain(3, I_DEV_A, K_DEV),
                TaskState().waiting_with_packet(), HandlerTaskRec())
    HandlerTask(sched, I_HANDLER_B, 3000, packet_chain(3, I_DEV_B, K_DEV),
                TaskState().waiting_with_packet(), HandlerTaskRec())
    DeviceTask(sched, I_DEV_A, 4000, None, TaskState().waiting(),
               DeviceTaskRec())
    DeviceTask(sched, I_DEV_B, 5000, None, TaskState().waiting(),
               DeviceTaskRec())
    sched.run()
    return sched.hold_count, sched.qpkt_count


def main(n):
    ok = True
    total_holds = 0
    total_qpkts = 0
    holds = qpkts = 0
    for _ in range(n):
        holds, qpkts = run_once()
        total_holds += holds
        total_qpkts += qpkts
        if holds != EXPECTED_HOLDS or qpkts != EXPECTED_QPKTS:
            ok = False
    print("iterations:", n)
    print("qpkt count:", qpkts)
    print("hold count:", holds)
    print("totals:", total_qpkts, total_holds)
    print("check:", "pass" if ok else "FAIL")


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
