# What happens to queue items whose interpreter is closed before they are
# taken (PEP 734's unbounditems).
from concurrent import interpreters

q = interpreters.create_queue()
interp = interpreters.create()
interp.prepare_main(q=q)
interp.exec("""
from concurrent.interpreters import _queues
q.put('kept as UNBOUND')
q.put('removed', unbounditems=_queues.UNBOUND_REMOVE)
""")
print(q.qsize())
q.put("mine")
interp.close()
print(q.qsize())
print(q.get())
print(q.get())

q2 = interpreters.create_queue(unbounditems=interpreters._queues.UNBOUND_ERROR)
other = interpreters.create()
other.prepare_main(q=q2)
other.exec("q.put(1)")
other.close()
try:
    q2.get_nowait()
except interpreters._queues.ItemInterpreterDestroyed as e:
    print(type(e).__name__, e)
print(q2.empty())
