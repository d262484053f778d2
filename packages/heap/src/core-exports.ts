// The raw exports of pyheap.wasm, typed. Object arguments and results are addresses (numbers); see
// packages/core/assembly/index.ts for the ownership of each (NEW / BORROWED / STOLEN).
export interface CoreExports {
  memory: WebAssembly.Memory;
  heap_init(limit: number): number;
  heap_set_limit(limit: number): void;
  heap_limit(): number;
  heap_bytes_in_use(): number;
  heap_peak_bytes(): number;
  heap_arenas(): number;
  heap_small_blocks(): number;
  heap_large_blocks(): number;
  heap_last_status(): number;
  heap_clear_status(): void;
  heap_well_known(i: number): number;
  heap_hash_slot(): number;
  heap_io_buffer(bytes: number): number;
  heap_walk(buf: number, cap: number): number;
  heap_snapshot(buf: number, cap: number): number;
  heap_check(work: number, cap: number): number;
  heap_check_object(): number;
  heap_next_blocks(buf: number): number;
  heap_free_lists(buf: number): number;

  obj_new(type: number, nitems: number): number;
  obj_dealloc(o: number): void;
  obj_incref(o: number): void;
  obj_decref(o: number): void;
  obj_sizeof(o: number): number;
  obj_block_size(o: number): number;
  obj_buffers_size(o: number): number;
  obj_is_static(o: number): number;
  obj_hash(o: number): number;
  obj_eq(a: number, b: number): number;
  obj_get_slot(o: number, off: number): number;
  obj_set_slot(o: number, off: number, v: number): void;
  obj_set_slot_steal(o: number, off: number, v: number): void;
  obj_clear(o: number): void;
  obj_type_new(meta: number, basicsize: number, itemsize: number, flags: number, weaklist: number, refLo: number,
               refHi: number, freelistMax: number): number;
  obj_type_set_layout(t: number, layout: number): void;
  obj_values_new(o: number, size: number): number;
  obj_values_get(o: number, i: number): number;
  obj_values_set(o: number, i: number, v: number): number;
  obj_values_detach(o: number): void;
  obj_values_capacity(o: number): number;
  obj_managed_dict(o: number): number;
  obj_set_managed_dict(o: number, d: number): void;
  obj_referents(o: number, buf: number, cap: number): number;
  obj_init_values(o: number): number;
  obj_attr_get(o: number, name: number): number;
  obj_attr_set(o: number, name: number, v: number): number;
  obj_materialize_dict(o: number): number;
  obj_type_init_shared_keys(t: number): number;
  obj_new_str_sub(t: number, s: number): number;
  obj_new_int_sub(t: number, i: number): number;
  obj_new_float_sub(t: number, v: number): number;
  obj_var_dict_offset(o: number): number;
  obj_new_bytes_sub(t: number, b: number): number;

  int_from_f64(v: number): number;
  int_new(ndigits: number, alloc: number): number;
  int_to_f64(o: number): number;
  float_new(v: number): number;
  str_new(len: number, maxchar: number): number;
  str_new_static(len: number, maxchar: number): number;
  str_from_char(cp: number): number;
  str_data(s: number): number;
  str_eq(a: number, b: number): number;
  str_can_append_inplace(left: number, right: number): number;
  str_append_inplace(left: number, right: number): number;
  bytes_new(len: number): number;
  bytes_char(c: number): number;

  tuple_new(n: number): number;
  tuple_set_steal(t: number, i: number, v: number): void;
  tuple_get(t: number, i: number): number;

  list_new(n: number, mode: number): number;
  list_append(l: number, v: number): number;
  list_insert(l: number, i: number, v: number): number;
  list_pop(l: number, i: number): number;
  list_resize(l: number, n: number): number;
  list_preallocate_exact(l: number, n: number): number;
  list_get(l: number, i: number): number;
  list_set(l: number, i: number, v: number): void;
  list_set_steal(l: number, i: number, v: number): void;
  list_len(l: number): number;
  list_capacity(l: number): number;
  list_clear(l: number): void;

  dict_new(mode: number): number;
  dict_new_presized(n: number, unicode: number): number;
  dict_set(d: number, k: number, v: number): number;
  dict_get(d: number, k: number): number;
  dict_del(d: number, k: number): number;
  dict_len(d: number): number;
  dict_next(d: number, pos: number): number;
  dict_key_at(d: number, ix: number): number;
  dict_value_at(d: number, ix: number): number;
  dict_clear(d: number): void;
  dict_copy(d: number): number;

  set_new(frozen: number): number;
  set_add(s: number, k: number): number;
  set_contains(s: number, k: number): number;
  set_discard(s: number, k: number): number;
  set_pop(s: number): number;
  set_len(s: number): number;
  set_next(s: number, pos: number): number;
  set_key_at(s: number, i: number): number;
  set_clear(s: number): void;

  weakref_new(t: number, o: number, cb: number): number;
  weakref_get(wr: number): number;
  weakref_count(o: number): number;

  gc_collect(g: number): number;
  gc_enable(): void;
  gc_disable(): void;
  gc_is_enabled(): number;
  gc_get_count(g: number): number;
  gc_get_threshold(g: number): number;
  gc_set_threshold(g: number, v: number): void;
  gc_get_stat(g: number, field: number): number;
  gc_is_tracked(o: number): number;
  gc_is_finalized(o: number): number;
  gc_track(o: number): void;
  gc_untrack(o: number): void;
  gc_freeze(): void;
  gc_unfreeze(): void;
  gc_get_freeze_count(): number;
  gc_get_objects(g: number, buf: number, cap: number): number;
  gc_generation_size(g: number): number;
  gc_set_debug(flags: number): void;
  gc_get_debug(): number;
  gc_set_garbage(l: number): void;
  gc_set_blocked(b: number): void;
  gc_set_algorithm(dense: number): void;
  gc_long_lived_total(): number;
  gc_long_lived_pending(): number;

  ev_enable(cap: number): number;
  ev_disable(): void;
  ev_count(): number;
  ev_base(): number;
  ev_clear(): void;
  ev_dropped(): number;
}
