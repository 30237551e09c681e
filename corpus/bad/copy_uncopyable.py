# copy.deepcopy of an object with no way to reduce it raises copy.Error.
import copy


class Opaque:
    __reduce_ex__ = None
    __reduce__ = None


print(copy.deepcopy([1, [2]]))
copy.deepcopy({'key': Opaque()})
