try:
    print("trying")
except* ValueError:
    print("group")
