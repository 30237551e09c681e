# An exception while an imported module's body runs propagates through the import.
print("before")
import m_bad_raises
print("not reached")
