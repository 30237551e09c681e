# typing.List takes one type argument.
from typing import List

print(List[int])
List[int, str]
