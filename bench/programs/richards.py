# A richards-like operating-system simulation: a scheduler runs prioritised
# tasks (an idle task, two workers, two handlers, two devices) that pass
# packets to each other through linked queues; tasks are instances of
# subclasses with a virtual run() and hold, wait and release each other.
# Object-heavy: attribute reads and writes, virtual calls, isinstance.
#   richards-c [iterations]
# bench-args: 100
import sys

IDLE = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5
NTASKS = 6

KIND_DEVICE = 0
KIND_WORK = 1
BUFSIZE = 4


class Packet(object):
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = []
        for i in range(BUFSIZE):
            self.data.append(0)

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class Task(object):
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.link = None
        self.packet_pending = queue is not None
        self.waiting = True
        self.holding = False

    def is_runnable(self):
        return not self.holding and (self.packet_pending or not self.waiting)

    def run(self, pkt):
        raise NotImplementedError

    def add_packet(self, pkt, old):
        if self.queue is None:
            self.queue = pkt
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return old

    def take_packet(self):
        if self.waiting and self.packet_pending:
            pkt = self.queue
            self.queue = pkt.link
            self.waiting = False
            self.packet_pending = self.queue is not None
            return pkt
        return None


class IdleTask(Task):
    def __init__(self, sched, ident, priority, queue, count):
        Task.__init__(self, sched, ident, priority, queue)
        self.waiting = False
        self.control = 1
        self.count = count

    def run(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control = self.control // 2
            return self.sched.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.dest = HANDLER_A
        self.count = 0

    def run(self, pkt):
        if pkt is None:
            return self.sched.wait()
        if self.dest == HANDLER_A:
            self.dest = HANDLER_B
        else:
            self.dest = HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = 64 + self.count
        return self.sched.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.work_in = None
        self.device_in = None

    def run(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                dev = self.device_in
                if dev is not None:
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.sched.queue_packet(dev)
            else:
                self.work_in = work.link
                return self.sched.queue_packet(work)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.pending = None

    def run(self, pkt):
        if pkt is None:
            p = self.pending
            if p is None:
                return self.sched.wait()
            self.pending = None
            return self.sched.queue_packet(p)
        self.pending = pkt
        return self.sched.hold_self()


class Scheduler(object):
    def __init__(self):
        self.tasks = []
        for i in range(NTASKS):
            self.tasks.append(None)
        self.task_list = None
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def add(self, task):
        self.tasks[task.ident] = task
        task.link = self.task_list
        self.task_list = task

    def find(self, ident):
        t = self.tasks[ident]
        if t is None:
            raise ValueError("no such task")
        return t

    def hold_self(self):
        self.hold_count += 1
        self.current.holding = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        t = self.find(ident)
        t.holding = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def queue_packet(self, pkt):
        t = self.find(pkt.ident)
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        return t.add_packet(pkt, self.current)

    def schedule(self):
        self.current = self.task_list
        while self.current is not None:
            t = self.current
            if t.is_runnable():
                pkt = t.take_packet()
                self.current = t.run(pkt)
            else:
                self.current = t.link


def run_once(count):
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, None, count))
    q = Packet(None, WORKER, KIND_WORK)
    q = Packet(q, WORKER, KIND_WORK)
    s.add(WorkerTask(s, WORKER, 1000, q))
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_A, 2000, q))
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_B, 3000, q))
    s.add(DeviceTask(s, DEVICE_A, 4000, None))
    s.add(DeviceTask(s, DEVICE_B, 5000, None))
    s.schedule()
    return s


def entry_point(argv):
    iterations = 60
    if len(argv) > 1:
        iterations = int(argv[1])
    qc = 0
    hc = 0
    for i in range(iterations):
        s = run_once(10000)
        qc += s.queue_count
        hc += s.hold_count
    print("queue count", qc, "hold count", hc)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
