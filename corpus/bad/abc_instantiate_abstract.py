# Instantiating an ABC subclass that still has abstract methods.
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    @abstractmethod
    def perimeter(self):
        pass


class Circle(Shape):
    def area(self):
        return 3.14


Circle()
