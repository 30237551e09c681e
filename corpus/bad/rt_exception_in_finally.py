def work():
    try:
        raise ValueError("original problem")
    finally:
        print("cleanup")
        raise RuntimeError("cleanup failed")

work()
